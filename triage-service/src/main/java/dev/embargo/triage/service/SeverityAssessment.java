package dev.embargo.triage.service;

import dev.embargo.contracts.report.CaseSeverityChanged;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.policy.model.CvssScore;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.triage.domain.CiaImpact;
import dev.embargo.triage.domain.PolicyDeadline;
import dev.embargo.triage.domain.VulnerabilityCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Scoring cases: CVSS vectors and the program's severity levels, and the dates that follow from
 * them.
 */
@ApplicationScoped
public class SeverityAssessment {

    private final LockedCases cases;
    private final CaseTimeline timeline;
    private final CaseAudit audit;
    private final Outbox outbox;
    private final TriageClock clock;

    SeverityAssessment(
            LockedCases cases,
            CaseTimeline timeline,
            CaseAudit audit,
            Outbox outbox,
            TriageClock clock) {
        this.clock = clock;
        this.cases = cases;
        this.timeline = timeline;
        this.audit = audit;
        this.outbox = outbox;
    }

    /**
     * Scores a case: from a CVSS vector (its base score mapped to the program's level, unless staff
     * name the level) or from a named level alone. The deadlines dates are recomputed under the
     * case's own policy revision; the change, its audit line and {@code case.severity.changed} are
     * written in one transaction.
     */
    public Uni<VulnerabilityCase> assess(
            UUID caseId, String cvssVector, String level, CiaImpact impact, String actor) {
        CvssScore score;
        try {
            score = cvssVector == null || cvssVector.isBlank() ? null : CvssScore.parse(cvssVector);
        } catch (IllegalArgumentException e) {
            throw invalid("cvssVector", e.getMessage());
        }
        if (score == null && (level == null || level.isBlank())) {
            throw invalid("cvssVector", "give a CVSS vector, a severity level, or both");
        }
        return cases.changeUnderPolicy(
                caseId,
                (vulnerabilityCase, program) -> {
                    DisclosurePolicy.SeverityScheme scheme = program.policy().severity();
                    if (scheme == null) {
                        throw invalid("level", "this program's policy has no severity scale");
                    }
                    String severity =
                            level != null && !level.isBlank()
                                    ? level
                                    : scheme.levelForScore(score.baseScore())
                                            .orElseThrow(
                                                    () ->
                                                            invalid(
                                                                    "level",
                                                                    "this program's levels are not"
                                                                        + " CVSS bands (or the"
                                                                        + " score is 0): name the"
                                                                        + " level"));
                    if (!scheme.hasLevel(severity)) {
                        throw invalid(
                                "level", "'" + severity + "' is not one of this program's levels");
                    }
                    vulnerabilityCase.severity = severity;
                    List<PolicyDeadline> deadlines = timeline.compute(program, vulnerabilityCase);
                    vulnerabilityCase.cvssVector = score == null ? null : score.vector();
                    vulnerabilityCase.cvssScore = score == null ? null : score.baseScore();
                    CiaImpact stated =
                            impact != null
                                    ? impact
                                    : score == null
                                            ? vulnerabilityCase.ciaImpact()
                                            : CiaImpact.fromVector(score.vector()).orElse(null);
                    vulnerabilityCase.setCiaImpact(stated);
                    Instant now = clock.now();
                    return timeline.keep(vulnerabilityCase, deadlines)
                            .chain(
                                    () ->
                                            audit.record(
                                                    caseId,
                                                    actor,
                                                    "severity "
                                                            + severity
                                                            + (score == null
                                                                    ? ""
                                                                    : " (CVSS "
                                                                            + score.baseScore()
                                                                            + " "
                                                                            + score.vector()
                                                                            + ")")
                                                            + (stated == null
                                                                    ? ""
                                                                    : ", impact C:"
                                                                            + stated
                                                                                    .confidentiality()
                                                                            + " I:"
                                                                            + stated.integrity()
                                                                            + " A:"
                                                                            + stated
                                                                                    .availability()),
                                                    null))
                            .chain(
                                    () ->
                                            outbox.stage(
                                                    new CaseSeverityChanged(
                                                            vulnerabilityCase.reportId.toString(),
                                                            caseId.toString(),
                                                            vulnerabilityCase.trackingId,
                                                            vulnerabilityCase.programSlug,
                                                            severity,
                                                            vulnerabilityCase.cvssVector,
                                                            vulnerabilityCase.cvssScore,
                                                            actor,
                                                            CaseTimeline.forEvents(deadlines),
                                                            now)))
                            .replaceWith(vulnerabilityCase);
                });
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(
                new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "The severity cannot be set.",
                        List.of(new Problem.FieldError(field, message))));
    }
}
