package dev.embargo.notify.messaging;

import dev.embargo.contracts.advisory.AdvisoryPublished;
import dev.embargo.contracts.advisory.PreAdvisoryLiftMoved;
import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.kit.inbox.EventHandlers;
import dev.embargo.kit.inbox.InboundEvents;
import dev.embargo.notify.service.LiftMoves;
import dev.embargo.notify.service.PreAdvisoryFanOut;
import dev.embargo.notify.service.ReporterNotifications;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns advisory events into what partners and reporters are owed: webhook deliveries and emails
 * (pre-advisories, their moved lifts, publications).
 */
@ApplicationScoped
public class AdvisoryLifecycleConsumer {

    private static final String CONSUMER = "notify.partner-webhooks";

    private final InboundEvents inbound;
    private final EventHandlers handlers;
    private final PreAdvisoryFanOut fanOut;
    private final ReporterNotifications reporters;

    AdvisoryLifecycleConsumer(
            InboundEvents inbound,
            PreAdvisoryFanOut fanOut,
            LiftMoves liftMoves,
            ReporterNotifications reporters) {
        this.inbound = inbound;
        this.fanOut = fanOut;
        this.reporters = reporters;
        this.handlers =
                new EventHandlers()
                        .onWithEnvelope(
                                PreAdvisoryReleased.class,
                                (released, event) -> fanOut.fanOut(released, event.id()))
                        .onWithEnvelope(
                                PreAdvisoryLiftMoved.class,
                                (moved, event) -> liftMoves.apply(moved, event.id()))
                        .on(AdvisoryPublished.class, reporters::queueAdvisoryPublished);
    }

    @Incoming("advisory-lifecycle")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, handlers);
    }
}
