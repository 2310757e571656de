package dev.embargo.policy.deadline;

import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.DisclosurePolicy.Deadlines;
import dev.embargo.policy.model.DisclosurePolicy.DurationRange;
import dev.embargo.policy.model.DisclosurePolicy.Notice;
import dev.embargo.policy.model.DisclosurePolicy.PartnerGroup;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.policy.model.Program;
import dev.embargo.policy.model.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where a policy's deadlines get their due times. Given a program (one revision of
 * its policy) and the facts of a case, it answers when each step is due.
 *
 * <p>A promise runs from its anchor (arrival unless the policy says otherwise); a step anchored on
 * an event that has not happened has no due time yet. Pre-release, partner notices and the
 * pre-announcement count back from disclosure; the post-mortem runs from public release. A minimum
 * ({@code atLeast}) becomes the step's earliest time; a target ({@code firm: false}) becomes a
 * deadline that is not firm, which triage warns about and never counts as breached. Recomputing
 * after a change of facts (severity raised, expedited, an extension, an event) gives the new dates.
 */
public final class DeadlineEngine {

    /** The expedited track's id for a report that was public already when it came in. */
    public static final String ALREADY_PUBLIC = "already-public";

    /** The deadline of each step the policy sets a time for, in the order of {@link Step}. */
    public List<Deadline> timeline(Program program, CaseFacts facts) {
        DisclosurePolicy policy = program.policy();
        boolean expedited = expedited(policy, facts);
        Count count =
                new Count(
                        BusinessCalendar.of(program.timeZone(), policy.calendar()),
                        facts,
                        extensions(policy, facts),
                        expedited ? " (expedited)" : "");
        Deadlines deadlines = effectiveDeadlines(policy, expedited);

        List<Deadline> timeline = new ArrayList<>();
        count.promise(timeline, Step.ACKNOWLEDGEMENT, deadlines.acknowledgement(), "");
        count.promise(timeline, Step.TRIAGE, deadlines.triage(), "");
        count.promise(timeline, Step.STATUS_UPDATE, deadlines.statusUpdates(), "");
        fix(timeline, deadlines, count);
        if (embargoed(policy, facts)) {
            Deadline disclosure = disclosure(timeline, deadlines, count);
            beforeDisclosure(timeline, policy, deadlines, disclosure, count);
            postMortem(timeline, policy, deadlines, disclosure, count);
        } else {
            timeline.add(
                    new Deadline(
                            Step.DISCLOSURE,
                            null,
                            null,
                            "no embargo: the policy fixes such issues in public"));
            postMortem(timeline, policy, deadlines, null, count);
        }
        timeline.sort(Comparator.comparing(Deadline::step));
        return timeline;
    }

    /**
     * Whether the case is on the expedited track: said so, or public already where the policy
     * expedites such reports.
     */
    private static boolean expedited(DisclosurePolicy policy, CaseFacts facts) {
        return facts.expedited()
                || facts.alreadyPublic()
                        && policy.expedited() != null
                        && policy.expedited().when().contains(ALREADY_PUBLIC);
    }

    /** False when the case's track or severity level is fixed in public with no embargo. */
    private static boolean embargoed(DisclosurePolicy policy, CaseFacts facts) {
        boolean trackInPublic =
                facts.track() != null
                        && policy.track(facts.track()).map(track -> !track.embargo()).orElse(false);
        boolean levelInPublic =
                facts.severity() != null
                        && policy.severity() != null
                        && policy.severity()
                                .level(facts.severity())
                                .map(level -> Boolean.FALSE.equals(level.embargo()))
                                .orElse(false);
        return !trackInPublic && !levelInPublic;
    }

    /** The expedited track's deadlines where it sets them, the normal ones elsewhere. */
    private static Deadlines effectiveDeadlines(DisclosurePolicy policy, boolean expedited) {
        Deadlines normal = policy.deadlines();
        if (!expedited || policy.expedited() == null) {
            return normal;
        }
        Deadlines fast = policy.expedited().deadlines();
        boolean fastFix =
                fast.fixBySeverity() != null
                        || fast.fixByTrack() != null
                        || fast.fixWindow() != null;
        boolean fastDisclosure =
                fast.disclosure() != null
                        || fast.disclosureBySeverity() != null
                        || fast.disclosureByTrack() != null;
        return new Deadlines(
                either(fast.acknowledgement(), normal.acknowledgement()),
                either(fast.triage(), normal.triage()),
                either(fast.statusUpdates(), normal.statusUpdates()),
                fastFix ? fast.fixBySeverity() : normal.fixBySeverity(),
                fastFix ? fast.fixByTrack() : normal.fixByTrack(),
                fastFix ? fast.fixWindow() : normal.fixWindow(),
                either(fast.preReleaseEmbargo(), normal.preReleaseEmbargo()),
                fastDisclosure ? fast.disclosure() : normal.disclosure(),
                fastDisclosure ? fast.disclosureBySeverity() : normal.disclosureBySeverity(),
                fastDisclosure ? fast.disclosureByTrack() : normal.disclosureByTrack(),
                either(fast.minimumEmbargo(), normal.minimumEmbargo()),
                either(fast.preAnnouncement(), normal.preAnnouncement()),
                either(fast.postMortem(), normal.postMortem()));
    }

    /**
     * The extension of each step. A policy silent about extensions allows them (each carries its
     * reason); only a policy that says {@code allowed: false} refuses them.
     */
    private static Map<Step, PolicyDuration> extensions(DisclosurePolicy policy, CaseFacts facts) {
        Map<Step, PolicyDuration> extra = new EnumMap<>(Step.class);
        DisclosurePolicy.ExtensionRules rules = policy.extensions();
        for (Extension extension : facts.extensions()) {
            if (rules != null && !rules.allowed()) {
                throw new IllegalArgumentException("This program's policy allows no extensions");
            }
            if (rules != null && rules.reporterAgreementRequired() && !extension.reporterAgreed()) {
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

    /** The fix: by the case's track, else by its severity, else the end of the fix window. */
    private static void fix(List<Deadline> timeline, Deadlines deadlines, Count count) {
        DurationRange window = deadlines.fixWindow();
        Choice fix =
                Choice.of(
                        new Keyed("track", deadlines.fixByTrack(), count.facts.track()),
                        new Keyed("severity", deadlines.fixBySeverity(), count.facts.severity()),
                        window == null ? null : Promise.firm(window.max()),
                        window == null
                                ? ""
                                : "end of the "
                                        + window.min()
                                        + "–"
                                        + window.max()
                                        + " fix window, ");
        if (fix != null) {
            timeline.add(fix.deadline(Step.FIX, count));
        }
    }

    /**
     * Disclosure: by track, else by severity, else the policy's general disclosure time; moved
     * earlier to a release slot, and no earlier than the minimum embargo. Returns the disclosure
     * deadline, or null when the policy sets none.
     */
    private static Deadline disclosure(List<Deadline> timeline, Deadlines deadlines, Count count) {
        Instant minimumEnd = null;
        if (deadlines.minimumEmbargo() != null) {
            minimumEnd = count.calendar.plus(count.facts.arrivedAt(), deadlines.minimumEmbargo());
            timeline.add(
                    new Deadline(
                            Step.MINIMUM_EMBARGO,
                            null,
                            deadlines.minimumEmbargo(),
                            "no public disclosure before "
                                    + deadlines.minimumEmbargo()
                                    + " after arrival",
                            true,
                            Anchor.ARRIVAL,
                            minimumEnd,
                            null));
        }
        Choice chosen =
                Choice.of(
                        new Keyed("track", deadlines.disclosureByTrack(), count.facts.track()),
                        new Keyed(
                                "severity",
                                deadlines.disclosureBySeverity(),
                                count.facts.severity()),
                        deadlines.disclosure(),
                        "");
        if (chosen == null) {
            return null;
        }
        Deadline disclosure = chosen.deadline(Step.DISCLOSURE, count);
        disclosure = count.inReleaseSlot(notBefore(disclosure, minimumEnd));
        timeline.add(disclosure);
        return disclosure;
    }

    /** Pre-release, the partner groups' notices and the pre-announcement. */
    private static void beforeDisclosure(
            List<Deadline> timeline,
            DisclosurePolicy policy,
            Deadlines deadlines,
            Deadline disclosure,
            Count count) {
        PolicyDuration preRelease = deadlines.preReleaseEmbargo();
        if (preRelease != null && disclosure != null) {
            timeline.add(
                    new Deadline(
                            Step.PRE_RELEASE,
                            count.before(disclosure, preRelease),
                            preRelease,
                            "partners may be told at most " + preRelease + " before disclosure",
                            disclosure.firm(),
                            disclosure.anchor(),
                            null,
                            null));
        }
        if (policy.disclosure() != null) {
            for (PartnerGroup group : policy.disclosure().partnerGroups()) {
                for (Notice notice : notices(group)) {
                    timeline.add(partnerNotice(group, notice, disclosure, count));
                }
            }
        }
        Promise preAnnouncement = deadlines.preAnnouncement();
        if (preAnnouncement != null) {
            PolicyDuration before =
                    preAnnouncement.within() != null
                            ? preAnnouncement.within()
                            : preAnnouncement.atLeast();
            timeline.add(
                    new Deadline(
                            Step.PRE_ANNOUNCEMENT,
                            count.before(disclosure, before),
                            before,
                            "a public pre-announcement "
                                    + before
                                    + " before disclosure"
                                    + count.onceKnown(disclosure),
                            preAnnouncement.firm() && (disclosure == null || disclosure.firm()),
                            disclosure == null ? Anchor.ARRIVAL : disclosure.anchor(),
                            null,
                            null));
        }
    }

    /** The group's notices; a minimum embargo alone is one notice at least that long before. */
    private static List<Notice> notices(PartnerGroup group) {
        if (group.notices().isEmpty() && group.minEmbargo() != null) {
            return List.of(new Notice(group.minEmbargo(), true));
        }
        return group.notices();
    }

    private static Deadline partnerNotice(
            PartnerGroup group, Notice notice, Deadline disclosure, Count count) {
        Instant earliest =
                notice.atLeast() && group.maxEmbargo() != null
                        ? count.before(disclosure, group.maxEmbargo())
                        : null;
        return new Deadline(
                Step.PARTNER_NOTICE,
                count.before(disclosure, notice.before()),
                notice.before(),
                "notice to "
                        + group.id()
                        + (notice.atLeast() ? " at least " : " ")
                        + notice.before()
                        + " before disclosure"
                        + count.onceKnown(disclosure),
                disclosure == null || disclosure.firm(),
                disclosure == null ? Anchor.ARRIVAL : disclosure.anchor(),
                earliest,
                group.id() + ", " + notice.before() + " before");
    }

    /**
     * The post-mortem, from the public release when it happened, else from the disclosure deadline;
     * owed at a time known once the release is when neither is known.
     */
    private static void postMortem(
            List<Deadline> timeline,
            DisclosurePolicy policy,
            Deadlines deadlines,
            Deadline disclosure,
            Count count) {
        DisclosurePolicy.PostMortem postMortem = deadlines.postMortem();
        if (postMortem == null) {
            return;
        }
        String minimum = postMortem.minSeverity();
        String severity = count.facts.severity();
        if (minimum != null && severity == null) {
            timeline.add(
                    new Deadline(
                            Step.POST_MORTEM,
                            null,
                            postMortem.within(),
                            "only at severity " + minimum + " or above"));
        } else if (postMortem.requiredFor(severity, policy.severity())) {
            Instant released = count.facts.eventAt(Anchor.PUBLIC_DISCLOSURE);
            Instant from = released != null || disclosure == null ? released : disclosure.due();
            timeline.add(
                    new Deadline(
                            Step.POST_MORTEM,
                            from == null ? null : count.calendar.plus(from, postMortem.within()),
                            postMortem.within(),
                            "after public release"));
        }
    }

    /** The deadline with its earliest time raised to {@code minimum} (the minimum embargo). */
    private static Deadline notBefore(Deadline deadline, Instant minimum) {
        if (minimum == null
                || deadline.atLeast() != null && !deadline.atLeast().isBefore(minimum)) {
            return deadline;
        }
        return new Deadline(
                deadline.step(),
                deadline.due(),
                deadline.promised(),
                deadline.basis(),
                deadline.firm(),
                deadline.anchor(),
                minimum,
                deadline.label());
    }

    private static <T> T either(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /**
     * The promise that applies to a step, with its basis; or, while it depends on a severity or
     * track not known yet (or not listed), why there is none.
     */
    private record Choice(Promise promise, String basis, String missing) {

        /** By track, else by severity, else the general promise; null when the policy sets none. */
        static Choice of(Keyed byTrack, Keyed bySeverity, Promise general, String generalBasis) {
            if (byTrack.promise() != null) {
                return new Choice(byTrack.promise(), byTrack.basis(), null);
            }
            if (bySeverity.promise() != null) {
                return new Choice(bySeverity.promise(), bySeverity.basis(), null);
            }
            if (general != null) {
                return new Choice(general, generalBasis, null);
            }
            Keyed waiting = bySeverity.stated() ? bySeverity : byTrack.stated() ? byTrack : null;
            return waiting == null ? null : new Choice(null, null, waiting.missing());
        }

        Deadline deadline(Step step, Count count) {
            return promise == null
                    ? new Deadline(step, null, null, missing)
                    : count.from(step, promise, basis);
        }
    }

    /**
     * A promise per key (severity level or track id) and the case's key.
     *
     * @param kind {@code severity} or {@code track}, for people
     */
    private record Keyed(String kind, Map<String, Promise> promises, String key) {

        boolean stated() {
            return promises != null && !promises.isEmpty();
        }

        Promise promise() {
            return stated() && key != null ? promises.get(key) : null;
        }

        String basis() {
            return "for " + kind + " " + key + ", ";
        }

        String missing() {
            return key == null
                    ? "set once the " + kind + " is known"
                    : "the policy promises nothing for " + kind + " " + key;
        }
    }

    /** Counting for one case: its calendar, facts and extensions. */
    private record Count(
            BusinessCalendar calendar,
            CaseFacts facts,
            Map<Step, PolicyDuration> extra,
            String track) {

        /** Adds the step's deadline when the policy promises one. */
        void promise(List<Deadline> timeline, Step step, Promise promise, String basis) {
            if (promise != null) {
                timeline.add(from(step, promise, basis));
            }
        }

        /** The step's deadline: counted from its anchor, extended as agreed. */
        Deadline from(Step step, Promise promise, String basis) {
            Instant start = facts.eventAt(promise.anchor());
            String after = "after " + anchorWords(promise.anchor());
            PolicyDuration promised =
                    promise.within() != null ? promise.within() : promise.atLeast();
            if (start == null) {
                return new Deadline(
                        step,
                        null,
                        promised,
                        basis
                                + promise
                                + ", once the "
                                + anchorWords(promise.anchor())
                                + " is known",
                        promise.firm(),
                        promise.anchor(),
                        null,
                        null);
            }
            Instant earliest =
                    promise.atLeast() == null ? null : calendar.plus(start, promise.atLeast());
            Instant due = promise.within() == null ? null : calendar.plus(start, promise.within());
            String text =
                    promise.within() != null && promise.within().isOpenEnded()
                            ? promise.within().toString()
                            : basis + (promise.firm() ? "" : "a target, ") + after + track;
            PolicyDuration extension = extra.get(step);
            if (due != null && extension != null) {
                due = calendar.plus(due, extension);
                text = text + ", extended by " + extension;
            }
            return new Deadline(
                    step, due, promised, text, promise.firm(), promise.anchor(), earliest, null);
        }

        /** {@code span} before the disclosure deadline; null while that has no due time. */
        Instant before(Deadline disclosure, PolicyDuration span) {
            return disclosure == null || disclosure.due() == null || span.isOpenEnded()
                    ? null
                    : calendar.minus(disclosure.due(), span);
        }

        String onceKnown(Deadline disclosure) {
            return disclosure == null || disclosure.due() == null
                    ? ", once the disclosure date is known"
                    : "";
        }

        /**
         * The disclosure moved earlier to the latest release slot at or before its due time: the
         * policy's release time of day, on a day releases happen. Never later, so a firm promise
         * holds.
         */
        Deadline inReleaseSlot(Deadline disclosure) {
            Instant slot = calendar.latestReleaseSlot(disclosure.due());
            if (slot == null || slot.equals(disclosure.due())) {
                return disclosure;
            }
            return new Deadline(
                    disclosure.step(),
                    slot,
                    disclosure.promised(),
                    disclosure.basis() + ", moved earlier to a release slot",
                    disclosure.firm(),
                    disclosure.anchor(),
                    disclosure.atLeast(),
                    disclosure.label());
        }

        private static String anchorWords(Anchor anchor) {
            return switch (anchor) {
                case ARRIVAL -> "arrival";
                case ACKNOWLEDGEMENT -> "acknowledgement";
                case TRIAGE -> "triage";
                case CVE_ASSIGNED -> "CVE assignment";
                case FIX_RELEASED -> "fix release";
                case PUBLIC_DISCLOSURE -> "public disclosure";
            };
        }
    }
}
