package dev.embargo.notify.messaging;

import dev.embargo.contracts.advisory.AdvisoryPublished;
import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.kit.inbox.InboundEvents;
import dev.embargo.notify.service.PreAdvisoryFanOut;
import dev.embargo.notify.service.ReporterNotifications;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Turns advisory events into what partners and reporters are owed: webhook deliveries and emails. */
@ApplicationScoped
public class AdvisoryLifecycleConsumer {

    private static final String CONSUMER = "notify.partner-webhooks";

    private final InboundEvents inbound;
    private final PreAdvisoryFanOut fanOut;
    private final ReporterNotifications reporters;

    AdvisoryLifecycleConsumer(InboundEvents inbound, PreAdvisoryFanOut fanOut, ReporterNotifications reporters) {
        this.inbound = inbound;
        this.fanOut = fanOut;
        this.reporters = reporters;
    }

    @Incoming("advisory-lifecycle")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, event -> switch (event.payload()) {
            case PreAdvisoryReleased released -> fanOut.fanOut(released, event.id());
            case AdvisoryPublished published -> reporters.queueAdvisoryPublished(published);
            default -> Uni.createFrom().voidItem();
        });
    }
}
