package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.Advisory;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryState;
import dev.embargo.advisory.domain.PreAdvisory;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.model.DisclosurePolicy.PartnerGroup;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.policy.model.Program;
import dev.embargo.policy.model.Promise;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import io.smallrye.mutiny.tuples.Tuple3;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The embargo of an advisory: its lift time, the pre-advisories partners get before it, and the
 * audited early break. The program's policy bounds all three.
 *
 * <ul>
 *   <li>The lift time lies in the future and no further than the program's disclosure deadline (90
 *       days when the policy names none).
 *   <li>A partner group learns of the advisory at most its {@code maxEmbargo} before the lift (seed
 *       004: 5 days; distributions at most 14), and a lift moved later may not stretch the embargo
 *       of a group already told beyond its maximum. A group whose policy states no maximum (a
 *       version 2 program may leave it out) is not bounded by one.
 * </ul>
 */
@ApplicationScoped
public class Embargoes {

    static final Duration DEFAULT_LONGEST_EMBARGO = Duration.ofDays(90);

    private final Advisories advisories;
    private final PreAdvisories preAdvisories;
    private final ProgramViews programs;
    private final Publication publication;
    private final SigningKeys signingKeys;
    private final AuditTrail audit;

    Embargoes(
            Advisories advisories,
            PreAdvisories preAdvisories,
            ProgramViews programs,
            Publication publication,
            SigningKeys signingKeys,
            AuditTrail audit) {
        this.advisories = advisories;
        this.preAdvisories = preAdvisories;
        this.programs = programs;
        this.publication = publication;
        this.signingKeys = signingKeys;
        this.audit = audit;
    }

    /** Sets (or moves) the lift time; from then on the advisory publishes itself at that time. */
    public Uni<AdvisoryDetails> scheduleLift(
            UUID id, Instant liftAt, String actor, Predicate<String> visible) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant lift = liftAt.truncatedTo(ChronoUnit.MICROS);
        return Transactions.inTransaction(
                () ->
                        advisories
                                .locked(id, visible)
                                .chain(
                                        advisory -> {
                                            if (advisory.state == AdvisoryState.PUBLISHED) {
                                                throw AdvisoryProblems.conflict(
                                                        "advisory-published",
                                                        advisory.publicId + " is already public.");
                                            }
                                            // One merged into another is closed for good.
                                            Retractions.requireNotRetracted(advisory);
                                            if (!lift.isAfter(now)) {
                                                throw AdvisoryProblems.unprocessable(
                                                        "lift-in-the-past",
                                                        "The lift time must lie in the future.");
                                            }
                                            // One query at a time: a Hibernate Reactive session
                                            // never runs two at once.
                                            return advisories
                                                    .currentContent(advisory)
                                                    .chain(
                                                            content ->
                                                                    programs.program(
                                                                                    advisory.programSlug)
                                                                            .chain(
                                                                                    program ->
                                                                                            preAdvisories
                                                                                                    .of(
                                                                                                            advisory.id)
                                                                                                    .map(
                                                                                                            told ->
                                                                                                                    Tuple3
                                                                                                                            .of(
                                                                                                                                    content,
                                                                                                                                    program,
                                                                                                                                    told))))
                                                    .chain(
                                                            found -> {
                                                                requireReady(found.getItem1());
                                                                Program program =
                                                                        requireProgram(
                                                                                found.getItem2(),
                                                                                advisory);
                                                                Instant latest =
                                                                        longestEmbargoEnd(
                                                                                program, now);
                                                                if (lift.isAfter(latest)) {
                                                                    throw AdvisoryProblems
                                                                            .unprocessable(
                                                                                    "embargo-too-long",
                                                                                    program.name()
                                                                                            + " discloses"
                                                                                            + " within"
                                                                                            + " "
                                                                                            + disclosureBound(
                                                                                                    program)
                                                                                            + ": the"
                                                                                            + " lift"
                                                                                            + " time"
                                                                                            + " may be"
                                                                                            + " "
                                                                                            + latest
                                                                                            + " at the"
                                                                                            + " latest.");
                                                                }
                                                                for (PreAdvisory told :
                                                                        found.getItem3()) {
                                                                    for (String group :
                                                                            told.partnerGroups
                                                                                    .split(",")) {
                                                                        PartnerGroup rules =
                                                                                partnerGroup(
                                                                                        program,
                                                                                        group);
                                                                        if (fixedMaximum(rules)
                                                                                == null) {
                                                                            continue;
                                                                        }
                                                                        Instant groupLatest =
                                                                                plus(
                                                                                        program,
                                                                                        told
                                                                                                .releasedAt
                                                                                                .toInstant(),
                                                                                        fixedMaximum(
                                                                                                rules));
                                                                        if (lift.isAfter(
                                                                                groupLatest)) {
                                                                            throw AdvisoryProblems
                                                                                    .unprocessable(
                                                                                            "embargo-too-long",
                                                                                            "Partner"
                                                                                                + " group"
                                                                                                + " "
                                                                                                    + group
                                                                                                    + " was told"
                                                                                                    + " at "
                                                                                                    + told
                                                                                                            .releasedAt
                                                                                                            .toInstant()
                                                                                                    + " and may"
                                                                                                    + " be held"
                                                                                                    + " for at"
                                                                                                    + " most"
                                                                                                    + " "
                                                                                                    + rules
                                                                                                            .maxEmbargo()
                                                                                                    + ": the"
                                                                                                    + " lift"
                                                                                                    + " time"
                                                                                                    + " may be"
                                                                                                    + " "
                                                                                                    + groupLatest
                                                                                                    + " at the"
                                                                                                    + " latest.");
                                                                        }
                                                                    }
                                                                }
                                                                advisory.liftAt =
                                                                        lift.atOffset(
                                                                                ZoneOffset.UTC);
                                                                advisory.state =
                                                                        AdvisoryState.SCHEDULED;
                                                                advisory.updatedAt =
                                                                        now.atOffset(
                                                                                ZoneOffset.UTC);
                                                                return preAdvisories
                                                                        .moveLift(
                                                                                found.getItem3(),
                                                                                lift,
                                                                                actor,
                                                                                now)
                                                                        .chain(
                                                                                moved ->
                                                                                        audit
                                                                                                .record(
                                                                                                        advisory.id,
                                                                                                        "lift-scheduled",
                                                                                                        actor,
                                                                                                        liftScheduled(
                                                                                                                lift,
                                                                                                                moved),
                                                                                                        now))
                                                                        .chain(
                                                                                () ->
                                                                                        advisories
                                                                                                .details(
                                                                                                        advisory));
                                                            });
                                        }));
    }

    /**
     * Tells partner groups under embargo: each group must be one of the program's and may be told
     * no earlier than its maximum embargo before the lift.
     */
    public Uni<PreAdvisory> releasePreAdvisory(
            UUID id, List<String> groups, String actor, Predicate<String> visible) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Transactions.inTransaction(
                () ->
                        advisories
                                .locked(id, visible)
                                .chain(
                                        advisory -> {
                                            if (advisory.state != AdvisoryState.SCHEDULED) {
                                                throw AdvisoryProblems.conflict(
                                                        "no-embargo",
                                                        advisory.publicId
                                                                + " is "
                                                                + advisory.state
                                                                        .name()
                                                                        .toLowerCase()
                                                                + ": pre-advisories go out between"
                                                                + " scheduling the lift and the"
                                                                + " lift itself.");
                                            }
                                            return advisories
                                                    .currentContent(advisory)
                                                    .chain(
                                                            content ->
                                                                    programs.program(
                                                                                    advisory.programSlug)
                                                                            .map(
                                                                                    program ->
                                                                                            Tuple2
                                                                                                    .of(
                                                                                                            content,
                                                                                                            program)))
                                                    .chain(
                                                            found -> {
                                                                Program program =
                                                                        requireProgram(
                                                                                found.getItem2(),
                                                                                advisory);
                                                                Instant lift =
                                                                        advisory.liftAt.toInstant();
                                                                for (String group : groups) {
                                                                    PartnerGroup rules =
                                                                            partnerGroup(
                                                                                    program, group);
                                                                    if (fixedMaximum(rules)
                                                                            == null) {
                                                                        continue;
                                                                    }
                                                                    Instant earliest =
                                                                            minus(
                                                                                    program,
                                                                                    lift,
                                                                                    fixedMaximum(
                                                                                            rules));
                                                                    if (now.isBefore(earliest)) {
                                                                        throw AdvisoryProblems
                                                                                .unprocessable(
                                                                                        "too-early-for-group",
                                                                                        "Partner"
                                                                                            + " group"
                                                                                            + " "
                                                                                                + group
                                                                                                + " may be"
                                                                                                + " told"
                                                                                                + " at most"
                                                                                                + " "
                                                                                                + rules
                                                                                                        .maxEmbargo()
                                                                                                + " before"
                                                                                                + " the lift"
                                                                                                + " ("
                                                                                                + lift
                                                                                                + "): release"
                                                                                                + " on or"
                                                                                                + " after"
                                                                                                + " "
                                                                                                + earliest
                                                                                                + ".");
                                                                    }
                                                                }
                                                                return preAdvisories
                                                                        .stage(
                                                                                advisory.id,
                                                                                advisory.programSlug,
                                                                                told(
                                                                                        advisory,
                                                                                        found
                                                                                                .getItem1()),
                                                                                lift,
                                                                                groups,
                                                                                actor)
                                                                        .call(
                                                                                released ->
                                                                                        audit
                                                                                                .record(
                                                                                                        advisory.id,
                                                                                                        "pre-advisory-released",
                                                                                                        actor,
                                                                                                        "To "
                                                                                                                + String
                                                                                                                        .join(
                                                                                                                                ", ",
                                                                                                                                groups)
                                                                                                                + " (pre-advisory"
                                                                                                                + " "
                                                                                                                + released.id
                                                                                                                + ")",
                                                                                                        now));
                                                            });
                                        }));
    }

    /**
     * Publishes now, before the lift time, because the embargo cannot hold (active exploitation).
     * The reason is kept, sealed, in the audit trail and the public documents say it was broken.
     */
    public Uni<AdvisoryDetails> earlyBreak(
            UUID id, String reason, String actor, Predicate<String> visible) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return signingKeys
                .signer()
                .chain(
                        signer ->
                                Transactions.inTransaction(
                                        () ->
                                                advisories
                                                        .locked(id, visible)
                                                        .chain(
                                                                advisory -> {
                                                                    if (advisory.state
                                                                            == AdvisoryState
                                                                                    .PUBLISHED) {
                                                                        throw AdvisoryProblems
                                                                                .conflict(
                                                                                        "advisory-published",
                                                                                        advisory.publicId
                                                                                                + " is already"
                                                                                                + " public.");
                                                                    }
                                                                    Retractions.requireNotRetracted(
                                                                            advisory);
                                                                    return advisories
                                                                            .currentContent(
                                                                                    advisory)
                                                                            .chain(
                                                                                    content -> {
                                                                                        requireReady(
                                                                                                content);
                                                                                        advisory.earlyBreak =
                                                                                                true;
                                                                                        return audit.record(
                                                                                                        advisory.id,
                                                                                                        "early-break",
                                                                                                        actor,
                                                                                                        reason,
                                                                                                        now)
                                                                                                .chain(
                                                                                                        () ->
                                                                                                                publication
                                                                                                                        .publish(
                                                                                                                                advisory,
                                                                                                                                signer,
                                                                                                                                now))
                                                                                                .chain(
                                                                                                        () ->
                                                                                                                advisories
                                                                                                                        .details(
                                                                                                                                advisory));
                                                                                    });
                                                                })));
    }

    /** The audit line of a lift time set, naming how many pre-advisories' partners were told. */
    private static String liftScheduled(Instant lift, int preAdvisoriesMoved) {
        return "Lift at "
                + lift
                + (preAdvisoriesMoved == 0
                        ? ""
                        : "; partners of " + preAdvisoriesMoved + " pre-advisories told");
    }

    /** What partners are told: enough to prepare a fix, nothing about the reporter. */
    private static Map<String, Object> told(Advisory advisory, AdvisoryContent content) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("advisory", advisory.publicId);
        document.put("title", content.title());
        document.put("summary", content.summary());
        document.put("description", content.description());
        document.put("affected", content.affected());
        document.put("cveId", content.cveId());
        document.put("cweId", content.cweId());
        document.put("severity", content.severity());
        document.put("cvssVector", content.cvssVector());
        document.put("cvssScore", content.cvssScore());
        document.put("cvssV4Vector", content.cvssV4Vector());
        document.put("cvssV4Score", content.cvssV4Score());
        document.put("productStatuses", content.productStatuses());
        document.put("remediation", content.remediation());
        document.put("workarounds", content.workarounds());
        return document;
    }

    private static void requireReady(AdvisoryContent content) {
        var missing = ContentReadiness.missing(content);
        if (!missing.isEmpty()) {
            throw AdvisoryProblems.incomplete(missing);
        }
    }

    private static Program requireProgram(Program program, Advisory advisory) {
        if (program == null) {
            throw AdvisoryProblems.conflict(
                    "program-unknown",
                    "The policy of "
                            + advisory.programSlug
                            + " has not reached the advisory service yet; try again in a moment.");
        }
        return program;
    }

    private static PartnerGroup partnerGroup(Program program, String group) {
        var terms = program.policy().disclosure();
        return (terms == null || terms.partnerGroups() == null
                        ? List.<PartnerGroup>of()
                        : terms.partnerGroups())
                .stream()
                        .filter(known -> known.id().equals(group))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        AdvisoryProblems.unprocessable(
                                                "unknown-partner-group",
                                                program.name()
                                                        + " has no partner group "
                                                        + group
                                                        + "."));
    }

    /** The group's maximum embargo when the policy states a fixed one; else null. */
    private static PolicyDuration fixedMaximum(PartnerGroup group) {
        PolicyDuration maximum = group.maxEmbargo();
        return maximum == null || maximum.isOpenEnded() ? null : maximum;
    }

    private static String disclosureBound(Program program) {
        PolicyDuration disclosure = disclosure(program);
        return disclosure == null || disclosure.isOpenEnded()
                ? DEFAULT_LONGEST_EMBARGO.toDays() + "d"
                : disclosure.toString();
    }

    private static Instant longestEmbargoEnd(Program program, Instant now) {
        PolicyDuration disclosure = disclosure(program);
        return disclosure == null || disclosure.isOpenEnded()
                ? now.plus(DEFAULT_LONGEST_EMBARGO)
                : plus(program, now, disclosure);
    }

    /** The disclosure time the policy states at most; null when it states none. */
    private static PolicyDuration disclosure(Program program) {
        Promise disclosure = program.policy().deadlines().disclosure();
        return disclosure == null ? null : disclosure.within();
    }

    private static Instant plus(Program program, Instant from, PolicyDuration duration) {
        return Advisories.calendar(program).plus(from, duration);
    }

    private static Instant minus(Program program, Instant from, PolicyDuration duration) {
        return Advisories.calendar(program).minus(from, duration);
    }
}
