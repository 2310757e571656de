package dev.embargo.triage.messaging;

import dev.embargo.contracts.report.CveRecordPublished;
import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.contracts.report.ReportMessagePosted;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.inbox.EventHandlers;
import dev.embargo.kit.inbox.InboundEvents;
import dev.embargo.triage.service.CaseConversation;
import dev.embargo.triage.service.CaseEscalations;
import dev.embargo.triage.service.CaseService;
import dev.embargo.triage.service.CveIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Opens a case for every report intake accepts, adds what its reporter writes to the case (an
 * answer takes a case waiting for it back to triage), records the reporter's escalations, and
 * settles the CNA clock when advisory reports a case's CVE record published.
 */
@ApplicationScoped
public class ReportLifecycleConsumer {

    private static final String CONSUMER = "triage.cases";

    private final InboundEvents inbound;
    private final EventHandlers handlers;
    private final CaseService cases;
    private final CaseConversation conversation;

    ReportLifecycleConsumer(
            InboundEvents inbound,
            CaseService cases,
            CaseConversation conversation,
            CveIds cveIds,
            CaseEscalations escalations) {
        this.conversation = conversation;
        this.inbound = inbound;
        this.cases = cases;
        this.handlers =
                new EventHandlers()
                        .on(ReportSubmitted.class, cases::openAndAcknowledge)
                        .on(
                                ReportMessagePosted.class,
                                posted ->
                                        conversation
                                                .receiveFromReporter(posted)
                                                .chain(() -> cases.answeredByReporter(posted)))
                        .on(ReportEscalated.class, escalations::record)
                        .on(CveRecordPublished.class, cveIds::recordPublished);
    }

    @Incoming("report-lifecycle")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, handlers);
    }
}
