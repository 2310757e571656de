package dev.embargo.triage.messaging;

import dev.embargo.contracts.report.CveRecordPublished;
import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.contracts.report.ReportMessagePosted;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.inbox.EventHandlers;
import dev.embargo.kit.inbox.InboundEvents;
import dev.embargo.triage.service.CaseConversation;
import dev.embargo.triage.service.CaseEscalations;
import dev.embargo.triage.service.CaseOpenings;
import dev.embargo.triage.service.CaseService;
import dev.embargo.triage.service.CveIds;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Opens a case for every report intake accepts, adds what its reporter writes to the case (an
 * answer takes a case waiting for it back to triage), records the reporter's escalations, and
 * settles the CNA clock when advisory reports a case's CVE record published.
 *
 * <p>Records arrive a Kafka batch at a time: the reports of a batch open their cases together, in
 * one transaction, which is what keeps triage's cost per report low under load.
 */
@ApplicationScoped
public class ReportLifecycleConsumer {

    private static final String CONSUMER = "triage.cases";

    private final InboundEvents inbound;
    private final EventHandlers handlers;

    ReportLifecycleConsumer(
            InboundEvents inbound,
            CaseOpenings openings,
            CaseService cases,
            CaseConversation conversation,
            CveIds cveIds,
            CaseEscalations escalations) {
        this.inbound = inbound;
        this.handlers =
                new EventHandlers()
                        .onBatch(ReportSubmitted.class, openings::openAndAcknowledge)
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
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consume(batch.getRecords());
    }

    /** The records of one batch, in their order, each acknowledged or dead-lettered. */
    public Uni<Void> consume(List<? extends Message<String>> records) {
        return inbound.processBatch(records, CONSUMER, handlers);
    }
}
