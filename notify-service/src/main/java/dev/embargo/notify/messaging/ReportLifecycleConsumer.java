package dev.embargo.notify.messaging;

import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseMessagePosted;
import dev.embargo.contracts.report.CaseSeverityChanged;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.CaseStatusUpdate;
import dev.embargo.contracts.report.DeadlineApproaching;
import dev.embargo.contracts.report.DeadlineBreached;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.contracts.report.ReportMessagePosted;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.contracts.report.ReporterKeyProvided;
import dev.embargo.kit.inbox.EventHandlers;
import dev.embargo.kit.inbox.InboundEvents;
import dev.embargo.notify.service.PublicEvent;
import dev.embargo.notify.service.ReporterNotifications;
import dev.embargo.notify.service.StaffNotifications;
import dev.embargo.notify.service.Subscriptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Turns report lifecycle events into the emails reporters and security teams are owed. */
@ApplicationScoped
public class ReportLifecycleConsumer {

    private static final String CONSUMER = "notify.reporter-emails";

    private final InboundEvents inbound;
    private final EventHandlers handlers;
    private final ReporterNotifications notifications;
    private final StaffNotifications staff;

    ReportLifecycleConsumer(
            InboundEvents inbound,
            ReporterNotifications notifications,
            StaffNotifications staff,
            Subscriptions subscriptions) {
        this.staff = staff;
        this.inbound = inbound;
        this.notifications = notifications;
        this.handlers =
                new EventHandlers()
                        .on(ReportSubmitted.class, notifications::rememberContact)
                        .on(ReporterKeyProvided.class, notifications::rememberKey)
                        .on(ReportAcknowledged.class, notifications::queueAcknowledgement)
                        .on(CaseStatusUpdate.class, notifications::queueStatusUpdate)
                        .onWithEnvelope(
                                CaseStateChanged.class,
                                (change, event) ->
                                        notifications
                                                .queueStatusChange(change)
                                                .chain(
                                                        () ->
                                                                subscriptions.fanOut(
                                                                        PublicEvent.of(
                                                                                change, event))))
                        .onWithEnvelope(
                                CaseSeverityChanged.class,
                                (change, event) ->
                                        subscriptions.fanOut(PublicEvent.of(change, event)))
                        .on(CaseMessagePosted.class, notifications::queueTeamMessage)
                        .on(CaseCveAssigned.class, notifications::queueCveAssigned)
                        .on(ReportMessagePosted.class, staff::queueReporterMessage)
                        .on(ReportEscalated.class, staff::queueEscalation)
                        .on(DeadlineApproaching.class, staff::queueWarning)
                        .onWithEnvelope(
                                DeadlineBreached.class,
                                (breach, event) ->
                                        staff.queueBreach(breach)
                                                .chain(
                                                        () ->
                                                                subscriptions.fanOut(
                                                                        PublicEvent.of(
                                                                                breach, event))));
    }

    @Incoming("report-lifecycle")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, handlers);
    }
}
