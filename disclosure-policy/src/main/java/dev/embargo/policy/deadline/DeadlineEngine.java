package dev.embargo.policy.deadline;

import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.DisclosurePolicy.Deadlines;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.policy.model.Program;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where a policy's deadlines get their due times. Given a program (one revision of
 * its policy) and the facts of a case, it answers when each step is due: every deadline runs from
 * the report's arrival, except pre-release (a window that ends at disclosure) and the post-mortem
 * (due after disclosure). Recomputing after a change of facts (severity raised, expedited, an
 * extension) gives the new dates.
 */
public final class DeadlineEngine {

    /** The deadline of each step the policy sets a time for, in the order of {@link Step}. */
    public List<Deadline> timeline(Program program, CaseFacts facts) {
        DisclosurePolicy policy = program.policy();
        BusinessCalendar calendar = BusinessCalendar.of(program.timeZone(), policy.calendar());
        Deadlines deadlines = effectiveDeadlines(policy, facts.expedited());
        Map<Step, PolicyDuration> extra = extensions(policy, facts);
        Instant arrival = facts.arrivedAt();
        String track = facts.expedited() ? " (expedited)" : "";

        List<Deadline> timeline = new ArrayList<>();
        fromArrival(
                timeline,
                Step.ACKNOWLEDGEMENT,
                deadlines.acknowledgement(),
                arrival,
                calendar,
                extra,
                track);
        fromArrival(timeline, Step.TRIAGE, deadlines.triage(), arrival, calendar, extra, track);
        fromArrival(
                timeline,
                Step.STATUS_UPDATE,
                deadlines.statusUpdates(),
                arrival,
                calendar,
                extra,
                track);
        fix(timeline, deadlines, facts, calendar, extra, track);
        Deadline disclosure =
                deadlines.disclosure() == null
                        ? null
                        : due(
                                Step.DISCLOSURE,
                                deadlines.disclosure(),
                                arrival,
                                calendar,
                                extra,
                                "after arrival" + track);
        if (deadlines.preReleaseEmbargo() != null && disclosure != null) {
            Instant opens =
                    disclosure.due() == null || deadlines.preReleaseEmbargo().isOpenEnded()
                            ? null
                            : calendar.minus(disclosure.due(), deadlines.preReleaseEmbargo());
            timeline.add(
                    new Deadline(
                            Step.PRE_RELEASE,
                            opens,
                            deadlines.preReleaseEmbargo(),
                            "partners may be told at most "
                                    + deadlines.preReleaseEmbargo()
                                    + " before disclosure"));
        }
        if (disclosure != null) {
            timeline.add(disclosure);
        }
        postMortem(timeline, policy, deadlines, facts, disclosure, calendar);
        return timeline;
    }

    /** The expedited track's deadlines where it sets them, the normal ones elsewhere. */
    private static Deadlines effectiveDeadlines(DisclosurePolicy policy, boolean expedited) {
        Deadlines normal = policy.deadlines();
        if (!expedited || policy.expedited() == null) {
            return normal;
        }
        Deadlines fast = policy.expedited().deadlines();
        return new Deadlines(
                either(fast.acknowledgement(), normal.acknowledgement()),
                either(fast.triage(), normal.triage()),
                either(fast.statusUpdates(), normal.statusUpdates()),
                fast.fixBySeverity() != null || fast.fixWindow() != null
                        ? fast.fixBySeverity()
                        : normal.fixBySeverity(),
                fast.fixBySeverity() != null || fast.fixWindow() != null
                        ? fast.fixWindow()
                        : normal.fixWindow(),
                either(fast.preReleaseEmbargo(), normal.preReleaseEmbargo()),
                either(fast.disclosure(), normal.disclosure()),
                either(fast.postMortem(), normal.postMortem()));
    }

    private static Map<Step, PolicyDuration> extensions(DisclosurePolicy policy, CaseFacts facts) {
        Map<Step, PolicyDuration> extra = new EnumMap<>(Step.class);
        for (Extension extension : facts.extensions()) {
            if (extension.step().regulatory()) {
                throw new IllegalArgumentException(
                        "A law or the CVE Program sets "
                                + extension.step()
                                + "; no policy extends it");
            }
            if (policy.extensions() == null || !policy.extensions().allowed()) {
                throw new IllegalArgumentException("This program's policy allows no extensions");
            }
            if (policy.extensions().reporterAgreementRequired() && !extension.reporterAgreed()) {
                throw new IllegalArgumentException(
                        "An extension of " + extension.step() + " needs the reporter's agreement");
            }
            if (extra.containsKey(extension.step())) {
                throw new IllegalArgumentException(
                        "Record one extension per step; " + extension.step() + " has two");
            }
            extra.put(extension.step(), extension.by());
        }
        return extra;
    }

    private static void fix(
            List<Deadline> timeline,
            Deadlines deadlines,
            CaseFacts facts,
            BusinessCalendar calendar,
            Map<Step, PolicyDuration> extra,
            String track) {
        Map<String, PolicyDuration> bySeverity = deadlines.fixBySeverity();
        if (bySeverity != null && !bySeverity.isEmpty()) {
            PolicyDuration promised =
                    facts.severity() == null ? null : bySeverity.get(facts.severity());
            if (promised == null) {
                timeline.add(
                        new Deadline(
                                Step.FIX,
                                null,
                                null,
                                facts.severity() == null
                                        ? "set once the severity is known"
                                        : "the policy promises nothing for severity "
                                                + facts.severity()));
                return;
            }
            timeline.add(
                    due(
                            Step.FIX,
                            promised,
                            facts.arrivedAt(),
                            calendar,
                            extra,
                            "for severity " + facts.severity() + ", after arrival" + track));
        } else if (deadlines.fixWindow() != null) {
            timeline.add(
                    due(
                            Step.FIX,
                            deadlines.fixWindow().max(),
                            facts.arrivedAt(),
                            calendar,
                            extra,
                            "end of the "
                                    + deadlines.fixWindow().min()
                                    + "–"
                                    + deadlines.fixWindow().max()
                                    + " fix window"
                                    + track));
        }
    }

    private static void postMortem(
            List<Deadline> timeline,
            DisclosurePolicy policy,
            Deadlines deadlines,
            CaseFacts facts,
            Deadline disclosure,
            BusinessCalendar calendar) {
        DisclosurePolicy.PostMortem postMortem = deadlines.postMortem();
        if (postMortem == null) {
            return;
        }
        String minimum = postMortem.minSeverity();
        if (minimum != null && facts.severity() == null) {
            timeline.add(
                    new Deadline(
                            Step.POST_MORTEM,
                            null,
                            postMortem.within(),
                            "only at severity " + minimum + " or above"));
        } else if (postMortem.requiredFor(facts.severity(), policy.severity())) {
            // Without a disclosure deadline the post-mortem is still owed, at a time known once the
            // release is.
            Instant due =
                    disclosure == null || disclosure.due() == null
                            ? null
                            : calendar.plus(disclosure.due(), postMortem.within());
            timeline.add(
                    new Deadline(
                            Step.POST_MORTEM, due, postMortem.within(), "after public release"));
        }
    }

    private static void fromArrival(
            List<Deadline> timeline,
            Step step,
            PolicyDuration promised,
            Instant arrival,
            BusinessCalendar calendar,
            Map<Step, PolicyDuration> extra,
            String track) {
        if (promised != null) {
            timeline.add(due(step, promised, arrival, calendar, extra, "after arrival" + track));
        }
    }

    private static Deadline due(
            Step step,
            PolicyDuration promised,
            Instant from,
            BusinessCalendar calendar,
            Map<Step, PolicyDuration> extra,
            String basis) {
        Instant due = calendar.plus(from, promised);
        PolicyDuration extension = extra.get(step);
        if (due != null && extension != null) {
            return new Deadline(
                    step,
                    calendar.plus(due, extension),
                    promised,
                    basis + ", extended by " + extension);
        }
        return new Deadline(
                step, due, promised, promised.isOpenEnded() ? promised.toString() : basis);
    }

    private static <T> T either(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
