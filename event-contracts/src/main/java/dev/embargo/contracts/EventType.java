package dev.embargo.contracts;

import dev.embargo.contracts.advisory.AdvisoryPublished;
import dev.embargo.contracts.advisory.AdvisorySuperseded;
import dev.embargo.contracts.advisory.AdvisoryWithdrawn;
import dev.embargo.contracts.advisory.CveRecordRejected;
import dev.embargo.contracts.advisory.PreAdvisoryLiftMoved;
import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.contracts.notification.WebhookFailed;
import dev.embargo.contracts.partner.PartnerAcknowledged;
import dev.embargo.contracts.partner.PartnerStatementMade;
import dev.embargo.contracts.program.CveIdRejected;
import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseCveAssignedV1;
import dev.embargo.contracts.report.CaseCveRejected;
import dev.embargo.contracts.report.CaseDeadlinesChanged;
import dev.embargo.contracts.report.CaseDeadlinesChangedV1;
import dev.embargo.contracts.report.CaseDeadlinesChangedV2;
import dev.embargo.contracts.report.CaseDeadlinesChangedV3;
import dev.embargo.contracts.report.CaseDuplicateMarked;
import dev.embargo.contracts.report.CaseDuplicateMarkedV1;
import dev.embargo.contracts.report.CaseMessagePosted;
import dev.embargo.contracts.report.CaseSeverityChanged;
import dev.embargo.contracts.report.CaseSeverityChangedV1;
import dev.embargo.contracts.report.CaseSsvcDecided;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.CaseStatusUpdate;
import dev.embargo.contracts.report.CaseStatusUpdateV1;
import dev.embargo.contracts.report.CveRecordPublished;
import dev.embargo.contracts.report.DeadlineApproaching;
import dev.embargo.contracts.report.DeadlineApproachingV1;
import dev.embargo.contracts.report.DeadlineBreached;
import dev.embargo.contracts.report.DeadlineBreachedV1;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportAcknowledgedV1;
import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.contracts.report.ReportMessagePosted;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.contracts.report.ReportSubmittedV1;
import dev.embargo.contracts.report.ReportSubmittedV2;
import dev.embargo.contracts.report.ReporterKeyProvided;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * Every event type the platform exchanges: its versioned CloudEvents {@code type}, the topic it
 * travels on, the Java payload it maps to and the JSON Schema that payload must satisfy. A breaking
 * payload change is a new version (a new constant), never an edit of an old one.
 */
public enum EventType {

    /**
     * Still decoded: events published before v3 stay on the topic. Read as {@link ReportSubmitted}.
     */
    REPORT_SUBMITTED_V1("report.submitted", 1, Topics.REPORT_LIFECYCLE, ReportSubmittedV1.class),
    /**
     * Still decoded: it sent the credit name and affected version plain. Read as {@link
     * ReportSubmitted}.
     */
    REPORT_SUBMITTED_V2("report.submitted", 2, Topics.REPORT_LIFECYCLE, ReportSubmittedV2.class),
    REPORT_SUBMITTED("report.submitted", 3, Topics.REPORT_LIFECYCLE, ReportSubmitted.class),
    /**
     * Still decoded, as the v1 events below: v2 renamed {@code promisedDates} to {@code deadlines}.
     */
    REPORT_ACKNOWLEDGED_V1(
            "report.acknowledged", 1, Topics.REPORT_LIFECYCLE, ReportAcknowledgedV1.class),
    REPORT_ACKNOWLEDGED(
            "report.acknowledged", 2, Topics.REPORT_LIFECYCLE, ReportAcknowledged.class),
    CASE_STATE_CHANGED("case.state.changed", 1, Topics.REPORT_LIFECYCLE, CaseStateChanged.class),
    CASE_SEVERITY_CHANGED_V1(
            "case.severity.changed", 1, Topics.REPORT_LIFECYCLE, CaseSeverityChangedV1.class),
    CASE_SEVERITY_CHANGED(
            "case.severity.changed", 2, Topics.REPORT_LIFECYCLE, CaseSeverityChanged.class),
    CASE_SSVC_DECIDED("case.ssvc.decided", 1, Topics.REPORT_LIFECYCLE, CaseSsvcDecided.class),
    CASE_DEADLINES_CHANGED_V1(
            "case.deadlines.changed", 1, Topics.REPORT_LIFECYCLE, CaseDeadlinesChangedV1.class),
    /** Still decoded: v3 added the cause {@code track}. Read as {@link CaseDeadlinesChanged}. */
    CASE_DEADLINES_CHANGED_V2(
            "case.deadlines.changed", 2, Topics.REPORT_LIFECYCLE, CaseDeadlinesChangedV2.class),
    /**
     * Still decoded: v4 added the causes {@code paused} and {@code resumed}. Read as {@link
     * CaseDeadlinesChanged}.
     */
    CASE_DEADLINES_CHANGED_V3(
            "case.deadlines.changed", 3, Topics.REPORT_LIFECYCLE, CaseDeadlinesChangedV3.class),
    CASE_DEADLINES_CHANGED(
            "case.deadlines.changed", 4, Topics.REPORT_LIFECYCLE, CaseDeadlinesChanged.class),
    /** Still decoded, as the breach's v1: v2 adds the regulatory clocks' steps. */
    DEADLINE_APPROACHING_V1(
            "deadline.approaching", 1, Topics.REPORT_LIFECYCLE, DeadlineApproachingV1.class),
    DEADLINE_APPROACHING(
            "deadline.approaching", 2, Topics.REPORT_LIFECYCLE, DeadlineApproaching.class),
    DEADLINE_BREACHED_V1("deadline.breached", 1, Topics.REPORT_LIFECYCLE, DeadlineBreachedV1.class),
    DEADLINE_BREACHED("deadline.breached", 2, Topics.REPORT_LIFECYCLE, DeadlineBreached.class),
    CASE_STATUS_UPDATE_V1(
            "case.status.update", 1, Topics.REPORT_LIFECYCLE, CaseStatusUpdateV1.class),
    CASE_STATUS_UPDATE("case.status.update", 2, Topics.REPORT_LIFECYCLE, CaseStatusUpdate.class),
    REPORT_MESSAGE_POSTED(
            "report.message.posted", 1, Topics.REPORT_LIFECYCLE, ReportMessagePosted.class),
    REPORT_ESCALATED("report.escalated", 1, Topics.REPORT_LIFECYCLE, ReportEscalated.class),
    REPORTER_KEY_PROVIDED(
            "report.reporter.key.provided", 1, Topics.REPORT_LIFECYCLE, ReporterKeyProvided.class),
    CASE_MESSAGE_POSTED("case.message.posted", 1, Topics.REPORT_LIFECYCLE, CaseMessagePosted.class),
    /** Still decoded: it sent the credit name plain. Read as {@link CaseDuplicateMarked}. */
    CASE_DUPLICATE_MARKED_V1(
            "case.duplicate.marked", 1, Topics.REPORT_LIFECYCLE, CaseDuplicateMarkedV1.class),
    CASE_DUPLICATE_MARKED(
            "case.duplicate.marked", 2, Topics.REPORT_LIFECYCLE, CaseDuplicateMarked.class),
    /** Still decoded: v2 adds when the ID was reserved. Read as {@link CaseCveAssigned}. */
    CASE_CVE_ASSIGNED_V1("case.cve.assigned", 1, Topics.REPORT_LIFECYCLE, CaseCveAssignedV1.class),
    CASE_CVE_ASSIGNED("case.cve.assigned", 2, Topics.REPORT_LIFECYCLE, CaseCveAssigned.class),
    CASE_CVE_REJECTED("case.cve.rejected", 1, Topics.REPORT_LIFECYCLE, CaseCveRejected.class),
    /** About no report: keyed by the CVE ID, on the topic the other CVE events travel. */
    CVE_ID_REJECTED("cve.id.rejected", 1, Topics.REPORT_LIFECYCLE, CveIdRejected.class),
    CVE_RECORD_PUBLISHED(
            "cve.record.published", 1, Topics.REPORT_LIFECYCLE, CveRecordPublished.class),
    PREADVISORY_RELEASED(
            "preadvisory.released", 1, Topics.ADVISORY_LIFECYCLE, PreAdvisoryReleased.class),
    PREADVISORY_LIFT_MOVED(
            "preadvisory.lift.moved", 1, Topics.ADVISORY_LIFECYCLE, PreAdvisoryLiftMoved.class),
    ADVISORY_PUBLISHED("advisory.published", 1, Topics.ADVISORY_LIFECYCLE, AdvisoryPublished.class),
    ADVISORY_WITHDRAWN("advisory.withdrawn", 1, Topics.ADVISORY_LIFECYCLE, AdvisoryWithdrawn.class),
    ADVISORY_SUPERSEDED(
            "advisory.superseded", 1, Topics.ADVISORY_LIFECYCLE, AdvisorySuperseded.class),
    /** About an advisory's CVE record: keyed by the advisory, on the advisory topic. */
    CVE_RECORD_REJECTED(
            "cve.record.rejected", 1, Topics.ADVISORY_LIFECYCLE, CveRecordRejected.class),
    WEBHOOK_FAILED("webhook.failed", 1, Topics.WEBHOOK_DEAD_LETTERS, WebhookFailed.class),
    /** Partners' answers to a pre-advisory travel with the advisory's own events, in its order. */
    PARTNER_ACKNOWLEDGED(
            "partner.acknowledged", 1, Topics.ADVISORY_LIFECYCLE, PartnerAcknowledged.class),
    PARTNER_STATEMENT_MADE(
            "partner.statement.made", 1, Topics.ADVISORY_LIFECYCLE, PartnerStatementMade.class),
    PROGRAM_POLICY_PUBLISHED(
            "program.policy.published", 1, Topics.PROGRAM_POLICIES, ProgramPolicyPublished.class);

    private final String name;
    private final int version;
    private final Topics.TopicSpec topic;
    private final Class<? extends EventPayload> payloadType;

    EventType(
            String name,
            int version,
            Topics.TopicSpec topic,
            Class<? extends EventPayload> payloadType) {
        this.name = name;
        this.version = version;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code report.submitted.v1}. */
    public String typeName() {
        return name + ".v" + version;
    }

    public Topics.TopicSpec topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /**
     * Classpath location of the payload's JSON Schema; also published as the CloudEvents {@code
     * dataschema}.
     */
    public String schemaPath() {
        return "schemas/" + typeName() + ".json";
    }

    /**
     * The version of this event that consumers handle: the newest with the same name. Older
     * versions still on a topic are decoded as themselves and read as this one.
     */
    public EventType current() {
        return Arrays.stream(values())
                .filter(type -> type.name.equals(name))
                .max(Comparator.comparingInt(type -> type.version))
                .orElseThrow();
    }

    /**
     * The event type a CloudEvents {@code type} names, empty for types this build does not know
     * (newer producers).
     */
    public static Optional<EventType> fromTypeName(String typeName) {
        return Arrays.stream(values()).filter(type -> type.typeName().equals(typeName)).findFirst();
    }

    /** The event type of a payload class. */
    public static EventType of(Class<? extends EventPayload> payloadType) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "No event type for " + payloadType.getName()));
    }
}
