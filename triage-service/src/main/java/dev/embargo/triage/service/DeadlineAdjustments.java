package dev.embargo.triage.service;

import dev.embargo.contracts.report.CaseDeadlinesChanged;
import dev.embargo.contracts.report.Deadline;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.policy.deadline.Extension;
import dev.embargo.triage.domain.VulnerabilityCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Changes to a case's dates that are not a change of severity: the expedited track and extensions
 * agreed with the reporter (seed 001). Each recomputes the dates under the case's own policy
 * revision, is audited with its reason, and is announced as {@code case.deadlines.changed}. The
 * policy decides what is allowed; a refusal answers 422 and changes nothing.
 */
@ApplicationScoped
public class DeadlineAdjustments {

    private final LockedCases cases;
    private final CaseTimeline timeline;
    private final CaseAudit audit;
    private final Outbox outbox;
    private final TriageClock clock;

    DeadlineAdjustments(
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

    public Uni<VulnerabilityCase> expedite(UUID caseId, String reason, String actor) {
        return adjust(
                caseId,
                actor,
                "expedited",
                "expedited track",
                reason,
                vulnerabilityCase -> vulnerabilityCase.expedited = true);
    }

    public Uni<VulnerabilityCase> extend(UUID caseId, Extension extension, String actor) {
        return adjust(
                caseId,
                actor,
                "extension",
                "extension of "
                        + extension.step().name().toLowerCase(java.util.Locale.ROOT)
                        + " by "
                        + extension.by()
                        + (extension.reporterAgreed() ? ", agreed with the reporter" : ""),
                extension.reason(),
                vulnerabilityCase -> {
                    List<Extension> extensions =
                            new ArrayList<>(timeline.extensionsOf(vulnerabilityCase));
                    extensions.add(extension);
                    timeline.storeExtensions(vulnerabilityCase, extensions);
                });
    }

    private Uni<VulnerabilityCase> adjust(
            UUID caseId,
            String actor,
            String cause,
            String action,
            String reason,
            java.util.function.Consumer<VulnerabilityCase> change) {
        return cases.changeUnderPolicy(
                caseId,
                (vulnerabilityCase, program) -> {
                    change.accept(vulnerabilityCase);
                    List<Deadline> deadlines;
                    try {
                        deadlines = timeline.compute(program, vulnerabilityCase);
                    } catch (IllegalArgumentException refused) {
                        throw new ProblemException(
                                Problem.typed(
                                        "policy-refuses",
                                        422,
                                        "Not allowed by the policy",
                                        refused.getMessage() + "."));
                    }
                    return timeline.keep(vulnerabilityCase, deadlines)
                            .chain(() -> audit.record(caseId, actor, action, reason))
                            .chain(
                                    () ->
                                            outbox.stage(
                                                    new CaseDeadlinesChanged(
                                                            vulnerabilityCase.reportId.toString(),
                                                            caseId.toString(),
                                                            vulnerabilityCase.trackingId,
                                                            vulnerabilityCase.programSlug,
                                                            cause,
                                                            actor,
                                                            deadlines,
                                                            clock.now())))
                            .replaceWith(vulnerabilityCase);
                });
    }
}
