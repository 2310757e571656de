package dev.embargo.triage.service;

import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.kit.work.Transactions;
import dev.embargo.triage.domain.CaseDeadline;
import dev.embargo.triage.domain.CaseEscalation;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseEscalationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The reporter's escalations of late steps: recorded on the case with the message sealed as it
 * came, audited, and flagging the case in the queue while the escalated step is still open.
 */
@ApplicationScoped
public class CaseEscalations {

    private final LockedCases lockedCases;
    private final CaseEscalationRepository escalations;
    private final CaseAudit audit;

    CaseEscalations(
            LockedCases lockedCases, CaseEscalationRepository escalations, CaseAudit audit) {
        this.lockedCases = lockedCases;
        this.escalations = escalations;
        this.audit = audit;
    }

    /** Records the escalation once (by intake's id); called inside the consumer's transaction. */
    public Uni<Void> record(ReportEscalated escalated) {
        UUID id = UUID.fromString(escalated.escalationId());
        return lockedCases
                .lockOfReport(UUID.fromString(escalated.reportId()))
                .chain(
                        vulnerabilityCase -> {
                            if (vulnerabilityCase == null) {
                                // Same topic, same key: report.submitted comes first.
                                return Uni.createFrom()
                                        .failure(
                                                new IllegalStateException(
                                                        "Escalation for report "
                                                                + escalated.reportId()
                                                                + " arrived before its case"));
                            }
                            return escalations
                                    .findById(id)
                                    .chain(
                                            known ->
                                                    known != null
                                                            ? Uni.createFrom().voidItem()
                                                            : add(
                                                                    vulnerabilityCase,
                                                                    id,
                                                                    escalated));
                        });
    }

    private Uni<Void> add(VulnerabilityCase vulnerabilityCase, UUID id, ReportEscalated escalated) {
        CaseEscalation escalation = new CaseEscalation();
        escalation.id = id;
        escalation.caseId = vulnerabilityCase.id;
        escalation.step = escalated.step();
        escalation.dueAt =
                escalated.dueAt() == null ? null : escalated.dueAt().atOffset(ZoneOffset.UTC);
        escalation.sealedMessage = escalated.sealedMessage();
        escalation.receivedAt = escalated.receivedAt().atOffset(ZoneOffset.UTC);
        return escalations
                .persist(escalation)
                .chain(
                        () ->
                                audit.record(
                                        vulnerabilityCase.id,
                                        CaseConversation.REPORTER,
                                        "escalation of the late step " + escalated.step(),
                                        null));
    }

    /** The escalations of cases the caller may already see, by case id, oldest first. */
    public Uni<Map<UUID, List<CaseEscalation>>> of(List<VulnerabilityCase> visible) {
        return Transactions.inSession(
                () ->
                        escalations
                                .of(visible.stream().map(found -> found.id).toList())
                                .map(
                                        all ->
                                                all.stream()
                                                        .collect(
                                                                Collectors.groupingBy(
                                                                        escalation ->
                                                                                escalation
                                                                                        .caseId))));
    }

    /** Whether a step the reporter escalated is still open: the queue's escalated mark. */
    public static boolean open(List<CaseEscalation> escalated, List<CaseDeadline> open) {
        return escalated.stream()
                .anyMatch(
                        escalation ->
                                open.stream()
                                        .anyMatch(
                                                deadline -> deadline.step.equals(escalation.step)));
    }
}
