package dev.embargo.intake.messaging;

import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseCveRejected;
import dev.embargo.contracts.report.CaseDeadlinesChanged;
import dev.embargo.contracts.report.CaseMessagePosted;
import dev.embargo.contracts.report.CaseSeverityChanged;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.DeadlineBreached;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.intake.service.ReportConversation;
import dev.embargo.intake.service.ReportService;
import dev.embargo.intake.service.ReportSteps;
import dev.embargo.kit.inbox.EventHandlers;
import dev.embargo.kit.inbox.InboundEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the reporter's view of a report in step with triage: acknowledgement, state, deadlines and
 * the ones missed, the team's messages, the case's CVE ID.
 */
@ApplicationScoped
public class ReportLifecycleConsumer {

    private static final String CONSUMER = "intake.report-status";

    private final InboundEvents inbound;
    private final EventHandlers handlers;
    private final ReportService reports;
    private final ReportConversation conversation;

    ReportLifecycleConsumer(
            InboundEvents inbound,
            ReportService reports,
            ReportConversation conversation,
            ReportSteps steps) {
        this.conversation = conversation;
        this.inbound = inbound;
        this.reports = reports;
        this.handlers =
                new EventHandlers()
                        .on(ReportAcknowledged.class, reports::markAcknowledged)
                        .on(CaseStateChanged.class, reports::followCaseState)
                        .on(
                                CaseSeverityChanged.class,
                                scored ->
                                        reports.followDeadlines(
                                                scored.reportId(), scored.deadlines()))
                        .on(
                                CaseDeadlinesChanged.class,
                                moved ->
                                        reports.followDeadlines(
                                                moved.reportId(), moved.deadlines()))
                        .on(CaseMessagePosted.class, conversation::addTeamMessage)
                        .on(CaseCveAssigned.class, reports::showCveId)
                        .on(CaseCveRejected.class, reports::withdrawCveId)
                        .on(DeadlineBreached.class, steps::recordMissed);
    }

    @Incoming("report-lifecycle")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, handlers);
    }
}
