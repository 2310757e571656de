package dev.embargo.triage.service;

import dev.embargo.contracts.report.CaseDeadlinesChanged;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.policy.deadline.Extension;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.domain.PolicyDeadline;
import dev.embargo.triage.domain.VulnerabilityCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Changes to a case's dates that are not a change of severity: the expedited track, an issue that
 * was public already, the policy's tracks (public, private, urgent...), extensions agreed with the
 * reporter (seed 001) and a fix release recorded before publication. Each recomputes the dates
 * under the case's own policy revision and is audited with its reason; all but the fix release are
 * announced as {@code case.deadlines.changed}, whose contract has no cause for it. The policy
 * decides what is allowed; a refusal answers 422 and changes nothing.
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
                (vulnerabilityCase, program) -> vulnerabilityCase.expedited = true);
    }

    /**
     * Records that the issue was public when reported: the case moves to the expedited track when
     * the policy's {@code expedited.when} names {@code already-public}, and keeps its dates
     * otherwise (the fact is still recorded and audited).
     */
    public Uni<VulnerabilityCase> markAlreadyPublic(UUID caseId, String reason, String actor) {
        return adjust(
                caseId,
                actor,
                "expedited",
                "already public",
                reason,
                (vulnerabilityCase, program) -> vulnerabilityCase.alreadyPublic = true);
    }

    /**
     * Records when the fix was released, ahead of publication (or corrects the time recorded): the
     * promises anchored on the fix release get their due times. A release in the future is not a
     * fact yet and is refused (400).
     */
    public Uni<VulnerabilityCase> recordFixRelease(
            UUID caseId, Instant releasedAt, String reason, String actor) {
        if (releasedAt.isAfter(clock.now())) {
            throw new ProblemException(
                    new Problem(
                            "about:blank",
                            "Bad Request",
                            400,
                            "The fix release cannot be recorded.",
                            List.of(
                                    new Problem.FieldError(
                                            "releasedAt", "must not be in the future"))));
        }
        return adjust(
                caseId,
                actor,
                null,
                "fix released at " + releasedAt,
                reason,
                (vulnerabilityCase, program) ->
                        vulnerabilityCase.fixReleasedAt = releasedAt.atOffset(ZoneOffset.UTC));
    }

    /**
     * Puts the case on one of its policy's tracks, or on none ({@code track} null); a track the
     * policy does not have is refused (400) with the ones it has.
     */
    public Uni<VulnerabilityCase> setTrack(UUID caseId, String track, String reason, String actor) {
        return adjust(
                caseId,
                actor,
                "track",
                "track " + (track == null ? "none" : track),
                reason,
                (vulnerabilityCase, program) -> {
                    List<String> tracks =
                            program.policy().tracks().stream()
                                    .map(DisclosurePolicy.Track::id)
                                    .toList();
                    if (track != null && !tracks.contains(track)) {
                        throw new ProblemException(
                                new Problem(
                                        "about:blank",
                                        "Bad Request",
                                        400,
                                        "The track cannot be set.",
                                        List.of(
                                                new Problem.FieldError(
                                                        "track",
                                                        tracks.isEmpty()
                                                                ? "this program's policy has no"
                                                                        + " tracks"
                                                                : "one of " + tracks))));
                    }
                    vulnerabilityCase.track = track;
                });
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
                (vulnerabilityCase, program) -> {
                    List<Extension> extensions =
                            new ArrayList<>(timeline.extensionsOf(vulnerabilityCase));
                    extensions.add(extension);
                    timeline.storeExtensions(vulnerabilityCase, extensions);
                });
    }

    /**
     * Applies the change, recomputes and keeps the dates, audits and, with a {@code cause} the
     * {@code case.deadlines.changed} contract names (null: none), announces them.
     */
    private Uni<VulnerabilityCase> adjust(
            UUID caseId,
            String actor,
            String cause,
            String action,
            String reason,
            BiConsumer<VulnerabilityCase, Program> change) {
        return cases.changeUnderPolicy(
                caseId,
                (vulnerabilityCase, program) -> {
                    change.accept(vulnerabilityCase, program);
                    List<PolicyDeadline> deadlines;
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
                                            cause == null
                                                    ? Uni.createFrom().voidItem()
                                                    : outbox.stage(
                                                                    new CaseDeadlinesChanged(
                                                                            vulnerabilityCase
                                                                                    .reportId
                                                                                    .toString(),
                                                                            caseId.toString(),
                                                                            vulnerabilityCase
                                                                                    .trackingId,
                                                                            vulnerabilityCase
                                                                                    .programSlug,
                                                                            cause,
                                                                            actor,
                                                                            CaseTimeline.forEvents(
                                                                                    deadlines),
                                                                            clock.now()))
                                                            .replaceWithVoid())
                            .replaceWith(vulnerabilityCase);
                });
    }
}
