package dev.embargo.notify.messaging;

import dev.embargo.contracts.advisory.AdvisoryPublished;
import dev.embargo.contracts.advisory.AdvisorySuperseded;
import dev.embargo.contracts.advisory.AdvisoryWithdrawn;
import dev.embargo.contracts.advisory.CveRecordRejected;
import dev.embargo.contracts.advisory.PreAdvisoryLiftMoved;
import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.contracts.partner.PartnerStatementMade;
import dev.embargo.kit.inbox.EventHandlers;
import dev.embargo.kit.inbox.InboundEvents;
import dev.embargo.notify.service.AdvisoryChangeFanOut;
import dev.embargo.notify.service.LiftMoves;
import dev.embargo.notify.service.PreAdvisoryFanOut;
import dev.embargo.notify.service.PublicEvent;
import dev.embargo.notify.service.ReporterNotifications;
import dev.embargo.notify.service.Subscriptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns advisory events into what partners and reporters are owed: webhook deliveries and emails
 * (pre-advisories, their moved lifts, publications and changes to published advisories).
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
            ReporterNotifications reporters,
            AdvisoryChangeFanOut changes,
            Subscriptions subscriptions) {
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
                        .onWithEnvelope(
                                AdvisoryPublished.class,
                                (published, event) ->
                                        reporters
                                                .queueAdvisoryPublished(published)
                                                .chain(
                                                        () ->
                                                                subscriptions.fanOut(
                                                                        PublicEvent.of(
                                                                                published, event))))
                        .onWithEnvelope(
                                AdvisoryWithdrawn.class,
                                (withdrawn, event) ->
                                        changes.withdrawn(withdrawn, event.id())
                                                .chain(
                                                        () ->
                                                                subscriptions.fanOut(
                                                                        PublicEvent.of(
                                                                                withdrawn, event))))
                        .onWithEnvelope(
                                AdvisorySuperseded.class,
                                (superseded, event) ->
                                        changes.superseded(superseded, event.id())
                                                .chain(
                                                        () ->
                                                                subscriptions.fanOut(
                                                                        PublicEvent.of(
                                                                                superseded,
                                                                                event))))
                        .onWithEnvelope(
                                CveRecordRejected.class,
                                (rejected, event) ->
                                        changes.cveRecordRejected(rejected, event.id())
                                                .chain(
                                                        () ->
                                                                subscriptions.fanOut(
                                                                        PublicEvent.of(
                                                                                rejected, event))))
                        .onWithEnvelope(
                                PartnerStatementMade.class,
                                (statement, event) ->
                                        subscriptions.fanOut(PublicEvent.of(statement, event)));
    }

    @Incoming("advisory-lifecycle")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, handlers);
    }
}
