package dev.embargo.triage.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.report.CaseSsvcDecided;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.ssvc.InvalidSsvcInputException;
import dev.embargo.policy.ssvc.SsvcDecision;
import dev.embargo.policy.ssvc.SsvcDecisionTable;
import dev.embargo.policy.ssvc.SsvcOption;
import dev.embargo.triage.domain.SsvcRecord;
import dev.embargo.triage.domain.VulnerabilityCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SSVC decisions beside CVSS: the outcome is looked up in CERT/CC's published tables, kept on the
 * case, audited and sent as {@code case.ssvc.decided} in one transaction.
 */
@ApplicationScoped
public class SsvcDecisions {

    private final LockedCases cases;
    private final CaseAudit audit;
    private final Outbox outbox;
    private final TriageClock clock;
    private final ObjectMapper json;

    SsvcDecisions(
            LockedCases cases,
            CaseAudit audit,
            Outbox outbox,
            TriageClock clock,
            ObjectMapper json) {
        this.cases = cases;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Decides from CISA's decision points and, when given, the coordinator triage's; a missing or
     * unknown decision point or value is a 400 problem naming it.
     */
    public Uni<VulnerabilityCase> decide(
            UUID caseId,
            Map<String, String> decisionPoints,
            Map<String, String> coordinatorTriage,
            String actor) {
        SsvcDecision decision =
                decide(SsvcDecisionTable.CISA_COORDINATOR, "decisionPoints", decisionPoints);
        SsvcDecision triage =
                coordinatorTriage == null
                        ? null
                        : decide(
                                SsvcDecisionTable.COORDINATOR_TRIAGE,
                                "coordinatorTriage",
                                coordinatorTriage);
        return Transactions.inTransaction(
                () ->
                        cases.lock(caseId)
                                .chain(
                                        vulnerabilityCase -> {
                                            SsvcRecord record =
                                                    new SsvcRecord(
                                                            decision, triage, actor, clock.now());
                                            vulnerabilityCase.ssvc = write(record);
                                            return audit.record(
                                                            caseId, actor, auditLine(record), null)
                                                    .chain(
                                                            () ->
                                                                    outbox.stage(
                                                                            event(
                                                                                    vulnerabilityCase,
                                                                                    record)))
                                                    .replaceWith(vulnerabilityCase);
                                        }));
    }

    /** The case's latest SSVC decision; null until staff make one. */
    public SsvcRecord of(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.ssvc == null) {
            return null;
        }
        try {
            return json.readValue(vulnerabilityCase.ssvc, SsvcRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Case " + vulnerabilityCase.id + " holds an unreadable SSVC decision", e);
        }
    }

    private static SsvcDecision decide(
            SsvcDecisionTable table, String field, Map<String, String> chosen) {
        if (chosen == null) {
            throw invalid(field, "give a value for each of " + names(table));
        }
        try {
            return table.decide(chosen);
        } catch (InvalidSsvcInputException e) {
            throw invalid(field + "." + e.decisionPoint(), e.getMessage());
        }
    }

    private static List<String> names(SsvcDecisionTable table) {
        return table.decisionPoints().stream().map(SsvcDecisionTable.DecisionPoint::name).toList();
    }

    private static String auditLine(SsvcRecord record) {
        String line = "ssvc " + record.decision().summary();
        return record.coordinatorTriage() == null
                ? line
                : line + "; coordinator triage " + record.coordinatorTriage().summary();
    }

    private static CaseSsvcDecided event(VulnerabilityCase vulnerabilityCase, SsvcRecord record) {
        return new CaseSsvcDecided(
                vulnerabilityCase.reportId.toString(),
                vulnerabilityCase.id.toString(),
                vulnerabilityCase.trackingId,
                vulnerabilityCase.programSlug,
                contract(record.decision()),
                record.coordinatorTriage() == null ? null : contract(record.coordinatorTriage()),
                record.decidedBy(),
                record.decidedAt());
    }

    private static CaseSsvcDecided.Decision contract(SsvcDecision decision) {
        return new CaseSsvcDecided.Decision(
                decision.table(),
                decision.version(),
                decision.options().stream().map(SsvcDecisions::contract).toList(),
                decision.outcome());
    }

    private static CaseSsvcDecided.Option contract(SsvcOption option) {
        return new CaseSsvcDecided.Option(option.decisionPoint(), option.value());
    }

    private String write(SsvcRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An SSVC decision that cannot be written", e);
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(
                new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "The SSVC decision cannot be made.",
                        List.of(new Problem.FieldError(field, message))));
    }
}
