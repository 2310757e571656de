package dev.embargo.triage.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.deadline.CraTrigger;
import dev.embargo.triage.domain.CraNotification;
import dev.embargo.triage.domain.CraNotificationContent;
import dev.embargo.triage.domain.CraNotificationKind;
import dev.embargo.triage.domain.ProgramObligations;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseRepository;
import dev.embargo.triage.repository.CraNotificationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The EU Cyber Resilience Act's reporting for a case (Regulation (EU) 2024/2847, Article 14), for
 * programs whose products are placed on the EU market. Marking a case actively exploited or
 * recording a severe incident starts the clock at the time the team became aware; the three
 * notifications are drafted from the case, edited, reviewed by a coordinator and their submission
 * to the single reporting platform recorded, which keeps their deadlines. Every step is an audit
 * line.
 */
@ApplicationScoped
public class CraReporting {

    private final LockedCases cases;
    private final CaseRepository caseRows;
    private final CraNotificationRepository notifications;
    private final ProgramRegistry programs;
    private final CaseTimeline timeline;
    private final CaseDeadlines deadlines;
    private final CaseAudit audit;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final TriageClock clock;

    CraReporting(
            LockedCases cases,
            CaseRepository caseRows,
            CraNotificationRepository notifications,
            ProgramRegistry programs,
            CaseTimeline timeline,
            CaseDeadlines deadlines,
            CaseAudit audit,
            FieldCipher cipher,
            ObjectMapper json,
            TriageClock clock) {
        this.cases = cases;
        this.caseRows = caseRows;
        this.notifications = notifications;
        this.programs = programs;
        this.timeline = timeline;
        this.deadlines = deadlines;
        this.audit = audit;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /** The case and its notifications so far. */
    public Uni<CraCase> of(UUID caseId) {
        return Transactions.inSession(
                () ->
                        caseRows.findById(caseId)
                                .map(found -> cases.visible(found, caseId))
                                .chain(
                                        found ->
                                                notifications
                                                        .forCase(caseId)
                                                        .map(
                                                                drafted ->
                                                                        new CraCase(
                                                                                found, drafted))));
    }

    /** Starts the clock: the case is actively exploited, or a severe incident was recorded. */
    public Uni<VulnerabilityCase> start(
            UUID caseId, CraTrigger trigger, Instant awareAt, String reason, String actor) {
        return cases.changeUnderObligations(
                caseId,
                (vulnerabilityCase, program) -> {
                    if (!program.placedOnEuMarket()) {
                        throw conflict(
                                "not-on-eu-market",
                                "Program "
                                        + vulnerabilityCase.programSlug
                                        + " does not state that its products are placed on the EU"
                                        + " market (euMarket.placedOnMarket); no CRA clock runs.");
                    }
                    if (vulnerabilityCase.craTrigger != null) {
                        throw conflict(
                                "cra-clock-running",
                                "The case's CRA clock already runs; edit the awareness time"
                                        + " instead.");
                    }
                    vulnerabilityCase.craTrigger = trigger.name().toLowerCase(Locale.ROOT);
                    vulnerabilityCase.craAwareAt = utc(awareAt);
                    return audit.record(
                                    caseId,
                                    actor,
                                    "cra clock started ("
                                            + trigger.name()
                                                    .toLowerCase(Locale.ROOT)
                                                    .replace('_', ' ')
                                            + "), aware at "
                                            + awareAt,
                                    reason)
                            .chain(() -> timeline.replan(vulnerabilityCase))
                            .replaceWith(vulnerabilityCase);
                });
    }

    /** Corrects when the team became aware; the early warning and notification move with it. */
    public Uni<VulnerabilityCase> editAwareness(
            UUID caseId, Instant awareAt, String reason, String actor) {
        return cases.changeUnderObligations(
                caseId,
                (vulnerabilityCase, program) -> {
                    requireClock(vulnerabilityCase);
                    OffsetDateTime before = vulnerabilityCase.craAwareAt;
                    vulnerabilityCase.craAwareAt = utc(awareAt);
                    return audit.record(
                                    caseId,
                                    actor,
                                    "cra awareness time " + before.toInstant() + " -> " + awareAt,
                                    reason)
                            .chain(() -> timeline.replan(vulnerabilityCase))
                            .replaceWith(vulnerabilityCase);
                });
    }

    /**
     * Records that a corrective or mitigating measure is available: an exploited vulnerability's
     * final report falls due 14 days later.
     */
    public Uni<VulnerabilityCase> correctiveMeasure(
            UUID caseId, Instant availableAt, String description, String actor) {
        return cases.changeUnderObligations(
                caseId,
                (vulnerabilityCase, program) -> {
                    requireClock(vulnerabilityCase);
                    vulnerabilityCase.craCorrectiveMeasureAt = utc(availableAt);
                    vulnerabilityCase.sealedCraCorrectiveMeasure = cipher.seal(description);
                    return audit.record(
                                    caseId,
                                    actor,
                                    "cra corrective measure available at " + availableAt,
                                    description)
                            .chain(() -> timeline.replan(vulnerabilityCase))
                            .replaceWith(vulnerabilityCase);
                });
    }

    /** Drafts the notification from what the case knows. */
    public Uni<CraNotification> draft(UUID caseId, CraNotificationKind kind, String actor) {
        return cases.changeUnderObligations(
                caseId,
                (vulnerabilityCase, program) -> {
                    requireClock(vulnerabilityCase);
                    return notifications
                            .of(caseId, kind.wireName())
                            .chain(
                                    existing -> {
                                        if (existing != null) {
                                            throw conflict(
                                                    "cra-notification-drafted",
                                                    "The "
                                                            + kind.title().toLowerCase(Locale.ROOT)
                                                            + " is drafted already; edit it.");
                                        }
                                        return drafted(vulnerabilityCase, program, kind);
                                    })
                            .chain(
                                    content -> {
                                        CraNotification notification = new CraNotification();
                                        notification.id = TimeOrderedIds.next();
                                        notification.caseId = caseId;
                                        notification.kind = kind.wireName();
                                        notification.sealedContent = seal(content);
                                        notification.draftedBy = actor;
                                        notification.draftedAt = clock.nowUtc();
                                        return notifications
                                                .persist(notification)
                                                .call(
                                                        () ->
                                                                audit.record(
                                                                        caseId,
                                                                        actor,
                                                                        "cra "
                                                                                + kind.wireName()
                                                                                + " drafted",
                                                                        null));
                                    });
                });
    }

    /** Replaces the notification's content; a reviewed one needs reviewing again. */
    public Uni<CraNotification> edit(
            UUID caseId, CraNotificationKind kind, CraNotificationContent content, String actor) {
        return unsubmitted(
                caseId,
                kind,
                notification -> {
                    notification.sealedContent = seal(content);
                    notification.editedBy = actor;
                    notification.editedAt = clock.nowUtc();
                    notification.reviewedBy = null;
                    notification.reviewedAt = null;
                    return audit.record(caseId, actor, "cra " + kind.wireName() + " edited", null);
                });
    }

    /** A coordinator has read the notification and approves it for submission. */
    public Uni<CraNotification> review(UUID caseId, CraNotificationKind kind, String actor) {
        return unsubmitted(
                caseId,
                kind,
                notification -> {
                    notification.reviewedBy = actor;
                    notification.reviewedAt = clock.nowUtc();
                    return audit.record(
                            caseId, actor, "cra " + kind.wireName() + " reviewed", null);
                });
    }

    /**
     * Records that the reviewed notification was submitted to the single reporting platform: its
     * deadline is kept, and an incident's final report falls due a month after its notification.
     */
    public Uni<CraNotification> submit(
            UUID caseId,
            CraNotificationKind kind,
            String reference,
            Instant submittedAt,
            String actor) {
        Instant at = submittedAt == null ? clock.now() : submittedAt;
        return cases.changeUnderObligations(
                caseId,
                (vulnerabilityCase, program) ->
                        found(caseId, kind)
                                .chain(
                                        notification -> {
                                            requireUnsubmitted(notification, kind);
                                            if (notification.reviewedAt == null) {
                                                throw conflict(
                                                        "cra-notification-not-reviewed",
                                                        "A coordinator reviews the "
                                                                + kind.title()
                                                                        .toLowerCase(Locale.ROOT)
                                                                + " before it is submitted.");
                                            }
                                            notification.submittedBy = actor;
                                            notification.submittedAt = utc(at);
                                            notification.submissionReference = reference;
                                            if (kind == CraNotificationKind.NOTIFICATION) {
                                                vulnerabilityCase.craNotifiedAt = utc(at);
                                            }
                                            return audit.record(
                                                            caseId,
                                                            actor,
                                                            "cra " + kind.wireName() + " submitted",
                                                            "reference " + reference)
                                                    .chain(
                                                            () ->
                                                                    deadlines.done(
                                                                            vulnerabilityCase,
                                                                            EnumSet.of(kind.step()),
                                                                            at))
                                                    .chain(() -> timeline.replan(vulnerabilityCase))
                                                    .replaceWith(notification);
                                        }));
    }

    /** The notification's content, opened. */
    public CraNotificationContent contentOf(CraNotification notification) {
        try {
            return json.readValue(
                    cipher.open(notification.sealedContent), CraNotificationContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "CRA notification " + notification.id + " is stored unreadable", e);
        }
    }

    public String correctiveMeasureOf(VulnerabilityCase vulnerabilityCase) {
        return vulnerabilityCase.sealedCraCorrectiveMeasure == null
                ? null
                : cipher.open(vulnerabilityCase.sealedCraCorrectiveMeasure);
    }

    private Uni<CraNotificationContent> drafted(
            VulnerabilityCase vulnerabilityCase,
            ProgramObligations obligations,
            CraNotificationKind kind) {
        int revision =
                vulnerabilityCase.programRevision == null ? 1 : vulnerabilityCase.programRevision;
        return programs.programAt(vulnerabilityCase.programSlug, revision)
                .map(
                        program -> {
                            boolean exploited =
                                    CraTrigger.ACTIVELY_EXPLOITED
                                            .name()
                                            .equalsIgnoreCase(vulnerabilityCase.craTrigger);
                            String measure = correctiveMeasureOf(vulnerabilityCase);
                            String title = cipher.open(vulnerabilityCase.sealedTitle);
                            return new CraNotificationContent(
                                    program == null
                                            ? vulnerabilityCase.programSlug
                                            : program.name(),
                                    vulnerabilityCase.cveId == null
                                            ? title
                                            : title + " (" + vulnerabilityCase.cveId + ")",
                                    exploited
                                            ? "Yes: the vulnerability is actively exploited."
                                            : null,
                                    obligations.manufacturerMemberState() == null
                                            ? List.of()
                                            : List.of(obligations.manufacturerMemberState()),
                                    severityOf(vulnerabilityCase),
                                    measure,
                                    null,
                                    null,
                                    null,
                                    null,
                                    kind == CraNotificationKind.FINAL_REPORT ? measure : null);
                        });
    }

    private static String severityOf(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.severity == null) {
            return null;
        }
        return vulnerabilityCase.cvssVector == null
                ? "Severity " + vulnerabilityCase.severity
                : "Severity "
                        + vulnerabilityCase.severity
                        + " (CVSS "
                        + vulnerabilityCase.cvssScore
                        + ", "
                        + vulnerabilityCase.cvssVector
                        + ")";
    }

    private Uni<CraNotification> unsubmitted(
            UUID caseId,
            CraNotificationKind kind,
            java.util.function.Function<CraNotification, Uni<Void>> change) {
        return cases.changeUnderObligations(
                caseId,
                (vulnerabilityCase, program) ->
                        found(caseId, kind)
                                .chain(
                                        notification -> {
                                            requireUnsubmitted(notification, kind);
                                            return change.apply(notification)
                                                    .replaceWith(notification);
                                        }));
    }

    private Uni<CraNotification> found(UUID caseId, CraNotificationKind kind) {
        return notifications
                .of(caseId, kind.wireName())
                .map(
                        notification -> {
                            if (notification == null) {
                                throw new ProblemException(
                                        Problem.typed(
                                                "cra-notification-not-drafted",
                                                404,
                                                "Not Found",
                                                "The "
                                                        + kind.title().toLowerCase(Locale.ROOT)
                                                        + " is not drafted yet."));
                            }
                            return notification;
                        });
    }

    private static void requireUnsubmitted(CraNotification notification, CraNotificationKind kind) {
        if (notification.submittedAt != null) {
            throw conflict(
                    "cra-notification-submitted",
                    "The "
                            + kind.title().toLowerCase(Locale.ROOT)
                            + " was submitted; it no longer changes.");
        }
    }

    private static void requireClock(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.craTrigger == null) {
            throw conflict(
                    "no-cra-clock",
                    "No CRA clock runs for the case: mark it actively exploited or record a severe"
                            + " incident first.");
        }
    }

    private String seal(CraNotificationContent content) {
        try {
            return cipher.seal(json.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Notification content always serializes", e);
        }
    }

    private static OffsetDateTime utc(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }

    private static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.typed(slug, 409, "Conflict", detail));
    }

    /** A case's CRA facts with its notifications. */
    public record CraCase(
            VulnerabilityCase vulnerabilityCase, List<CraNotification> notifications) {}
}
