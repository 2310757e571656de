package dev.embargo.triage.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.report.Deadline;
import dev.embargo.policy.deadline.Anchor;
import dev.embargo.policy.deadline.CaseFacts;
import dev.embargo.policy.deadline.CraTrigger;
import dev.embargo.policy.deadline.DeadlineEngine;
import dev.embargo.policy.deadline.Extension;
import dev.embargo.policy.deadline.RegulatoryClocks;
import dev.embargo.policy.deadline.RegulatoryDeadline;
import dev.embargo.policy.deadline.RegulatoryFacts;
import dev.embargo.policy.deadline.Step;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.domain.CaseDeadline;
import dev.embargo.triage.domain.PolicyDeadline;
import dev.embargo.triage.domain.ProgramObligations;
import dev.embargo.triage.domain.VulnerabilityCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A case's timeline: the deadlines its program's policy sets, computed by the deadline engine and
 * stored with the case as JSON.
 */
@ApplicationScoped
public class CaseTimeline {

    /**
     * The steps the events' contracts name (report.acknowledged.v2 and the other deadline-carrying
     * events). The engine's further steps (partner notices, a pre-announcement, the minimum
     * embargo's end) are not announced: an event naming them would break those contracts.
     */
    private static final Set<Step> ANNOUNCED_STEPS =
            EnumSet.of(
                    Step.ACKNOWLEDGEMENT,
                    Step.TRIAGE,
                    Step.STATUS_UPDATE,
                    Step.FIX,
                    Step.PRE_RELEASE,
                    Step.DISCLOSURE,
                    Step.POST_MORTEM);

    /**
     * The team's own steps, whose clocks stop while it waits for the reporter's answer. Disclosure
     * is the date promised to the reporter and partners and is not moved by a pause: staff who need
     * longer agree an extension with the reporter.
     */
    private static final Set<Step> PAUSED_WITH_THE_TEAM = EnumSet.of(Step.TRIAGE, Step.FIX);

    /**
     * A case waits for its reporter only during triage (needs_info), so the pauses fall in the
     * clocks that run from the report's arrival or acknowledgement; later anchors start after them.
     */
    private static final Set<Anchor> ANCHORS_BEFORE_A_PAUSE =
            EnumSet.of(Anchor.ARRIVAL, Anchor.ACKNOWLEDGEMENT);

    private final ObjectMapper json;
    private final CaseDeadlines scheduled;
    private final DeadlineEngine engine = new DeadlineEngine();
    private final RegulatoryClocks regulatoryClocks = new RegulatoryClocks();

    CaseTimeline(ObjectMapper json, CaseDeadlines scheduled) {
        this.json = json;
        this.scheduled = scheduled;
    }

    /**
     * The deadlines the program's policy sets for the case as it stands: its arrival, severity
     * (none before scoring), track, whether it was public already, agreed extensions and the events
     * anchored promises run from; the team's triage and fix move by the time the case was paused
     * waiting for the reporter. Throws {@link IllegalArgumentException} for an extension the policy
     * does not allow.
     */
    public List<PolicyDeadline> compute(Program program, VulnerabilityCase vulnerabilityCase) {
        CaseFacts facts =
                new CaseFacts(
                        vulnerabilityCase.submittedAt.toInstant(),
                        vulnerabilityCase.severity,
                        vulnerabilityCase.expedited,
                        extensionsOf(vulnerabilityCase),
                        vulnerabilityCase.track,
                        vulnerabilityCase.alreadyPublic,
                        eventsOf(vulnerabilityCase));
        return engine.timeline(program, facts).stream()
                .filter(due -> ANNOUNCED_STEPS.contains(due.step()))
                .map(
                        due ->
                                new PolicyDeadline(
                                        due.step().name().toLowerCase(Locale.ROOT),
                                        movedByPauses(due, vulnerabilityCase),
                                        due.promised() == null ? null : due.promised().toString(),
                                        due.firm()))
                .toList();
    }

    private static Instant movedByPauses(
            dev.embargo.policy.deadline.Deadline due, VulnerabilityCase vulnerabilityCase) {
        return due.due() != null
                        && PAUSED_WITH_THE_TEAM.contains(due.step())
                        && ANCHORS_BEFORE_A_PAUSE.contains(due.anchor())
                ? due.due().plus(vulnerabilityCase.pausedFor())
                : due.due();
    }

    /** Whether the team's clock of {@code step} stops while the case waits for the reporter. */
    public static boolean pausedWithTheTeam(Step step) {
        return PAUSED_WITH_THE_TEAM.contains(step);
    }

    /** The deadlines as events carry them. */
    public static List<Deadline> forEvents(List<PolicyDeadline> deadlines) {
        return deadlines.stream().map(PolicyDeadline::forEvents).toList();
    }

    /** When the events the policy's promises may be anchored on happened, as far as known. */
    private static Map<Anchor, Instant> eventsOf(VulnerabilityCase vulnerabilityCase) {
        Map<Anchor, Instant> events = new EnumMap<>(Anchor.class);
        known(events, Anchor.ACKNOWLEDGEMENT, vulnerabilityCase.acknowledgedAt);
        known(events, Anchor.TRIAGE, vulnerabilityCase.triagedAt);
        known(events, Anchor.FIX_RELEASED, vulnerabilityCase.fixReleasedAt);
        known(events, Anchor.PUBLIC_DISCLOSURE, vulnerabilityCase.publiclyDisclosedAt);
        return events;
    }

    private static void known(Map<Anchor, Instant> events, Anchor anchor, OffsetDateTime at) {
        if (at != null) {
            events.put(anchor, at.toInstant());
        }
    }

    public List<Extension> extensionsOf(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.extensions == null) {
            return List.of();
        }
        try {
            return json.readValue(
                    vulnerabilityCase.extensions, new TypeReference<List<Extension>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Case " + vulnerabilityCase.id + " holds unreadable extensions", e);
        }
    }

    public void storeExtensions(VulnerabilityCase vulnerabilityCase, List<Extension> extensions) {
        vulnerabilityCase.extensions = write(extensions);
    }

    /** The case's deadlines as events carry them. */
    public List<Deadline> of(VulnerabilityCase vulnerabilityCase) {
        return forEvents(deadlinesOf(vulnerabilityCase));
    }

    /** The case's deadlines as stored with it. */
    public List<PolicyDeadline> deadlinesOf(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.deadlines == null) {
            return List.of();
        }
        try {
            return json.readValue(
                    vulnerabilityCase.deadlines, new TypeReference<List<PolicyDeadline>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Case " + vulnerabilityCase.id + " holds unreadable deadlines", e);
        }
    }

    /**
     * Stores the deadlines with the case and has the scheduler watch them with the regulatory
     * clocks, in the caller's transaction (the case is persisted and locked).
     */
    public Uni<Void> keep(VulnerabilityCase vulnerabilityCase, List<PolicyDeadline> deadlines) {
        vulnerabilityCase.deadlines = write(deadlines);
        return scheduled.plan(vulnerabilityCase, deadlines, regulatoryOf(vulnerabilityCase));
    }

    /**
     * The same for a case being opened, in two steps: the deadlines go into the case's row, then
     * the scheduler's rows watch them.
     */
    public void keepInOpened(VulnerabilityCase opened, List<PolicyDeadline> deadlines) {
        opened.deadlines = write(deadlines);
    }

    /** The second step: the scheduler's rows for the case, stored with it by its opener. */
    public List<CaseDeadline> deadlineRowsOfOpened(
            VulnerabilityCase opened, List<PolicyDeadline> deadlines) {
        return scheduled.rowsOfOpened(opened, deadlines, regulatoryOf(opened));
    }

    /** Has the scheduler watch the case's clocks again after a regulatory fact changed. */
    public Uni<Void> replan(VulnerabilityCase vulnerabilityCase) {
        return keep(vulnerabilityCase, deadlinesOf(vulnerabilityCase));
    }

    /**
     * The CNA clock (when the program, as the CNA, assigned the case's CVE ID) and the EU CRA clock
     * (when one was started), from the case's facts.
     */
    public List<RegulatoryDeadline> regulatoryOf(VulnerabilityCase vulnerabilityCase) {
        return regulatoryClocks.timeline(
                new RegulatoryFacts(
                        vulnerabilityCase.cveId != null
                                && ProgramObligations.OWN_CNA.equals(vulnerabilityCase.cveRoute),
                        instant(vulnerabilityCase.publiclyDisclosedAt),
                        vulnerabilityCase.craTrigger == null
                                ? null
                                : CraTrigger.valueOf(
                                        vulnerabilityCase.craTrigger.toUpperCase(Locale.ROOT)),
                        instant(vulnerabilityCase.craAwareAt),
                        instant(vulnerabilityCase.craCorrectiveMeasureAt),
                        instant(vulnerabilityCase.craNotifiedAt)));
    }

    private static java.time.Instant instant(java.time.OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Deadlines and extensions always serialize", e);
        }
    }
}
