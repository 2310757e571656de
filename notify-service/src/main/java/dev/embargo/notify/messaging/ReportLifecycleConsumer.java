package dev.embargo.notify.messaging;

import dev.embargo.contracts.report.CaseMessagePosted;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.CaseStatusUpdate;
import dev.embargo.contracts.report.DeadlineApproaching;
import dev.embargo.contracts.report.DeadlineBreached;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportMessagePosted;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.contracts.report.ReporterKeyProvided;
import dev.embargo.kit.inbox.InboundEvents;
import dev.embargo.notify.service.ReporterNotifications;
import dev.embargo.notify.service.StaffNotifications;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Turns report lifecycle events into the emails reporters and security teams are owed. */
@ApplicationScoped
public class ReportLifecycleConsumer {

    private static final String CONSUMER = "notify.reporter-emails";

    private final InboundEvents inbound;
    private final ReporterNotifications notifications;
    private final StaffNotifications staff;

    ReportLifecycleConsumer(InboundEvents inbound, ReporterNotifications notifications, StaffNotifications staff) {
        this.staff = staff;
        this.inbound = inbound;
        this.notifications = notifications;
    }

    @Incoming("report-lifecycle")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, event -> switch (event.payload()) {
            case ReportSubmitted submitted -> notifications.rememberContact(submitted);
            case ReporterKeyProvided key -> notifications.rememberKey(key);
            case ReportAcknowledged acknowledged -> notifications.queueAcknowledgement(acknowledged);
            case CaseStatusUpdate update -> notifications.queueStatusUpdate(update);
            case CaseStateChanged change -> notifications.queueStatusChange(change);
            case CaseMessagePosted posted -> notifications.queueTeamMessage(posted);
            case ReportMessagePosted posted -> staff.queueReporterMessage(posted);
            case DeadlineApproaching warning -> staff.queueWarning(warning);
            case DeadlineBreached breach -> staff.queueBreach(breach);
            default -> Uni.createFrom().voidItem();
        });
    }
}
