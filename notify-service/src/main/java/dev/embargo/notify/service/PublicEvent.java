package dev.embargo.notify.service;

import dev.embargo.contracts.advisory.AdvisoryPublished;
import dev.embargo.contracts.advisory.AdvisorySuperseded;
import dev.embargo.contracts.advisory.AdvisoryWithdrawn;
import dev.embargo.contracts.advisory.CveRecordRejected;
import dev.embargo.contracts.partner.PartnerStatementMade;
import dev.embargo.contracts.report.CaseSeverityChanged;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.DeadlineBreached;
import dev.embargo.kit.inbox.InboundEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lifecycle event as subscribers see it: each type's public-safe view is built field by field
 * from the contract, never by copying the event, so that sealed fields (a move's reason, report
 * text) and staff names stay inside. Links point at the staff console (subscribers are staff's own
 * tools) or, for a published advisory, at its public page.
 *
 * @param type the subscription type, e.g. {@code case.state.changed}
 * @param id the source event's id, also the CloudEvent's id
 * @param source the source event's source, e.g. {@code /embargo/triage}
 * @param subject what the event is about: a tracking id or an advisory's public id
 * @param program the program, which subscriptions filter on
 * @param headline one line saying what happened
 * @param data the public-safe view
 * @param consolePath where the console shows it, relative to the console's URL; null for none
 * @param publicUrl a public page about it; null for none
 */
public record PublicEvent(
        String type,
        String id,
        String source,
        String subject,
        String program,
        Instant time,
        String headline,
        Map<String, Object> data,
        String consolePath,
        String publicUrl) {

    public static final String CASE_STATE_CHANGED = "case.state.changed";
    public static final String CASE_SEVERITY_CHANGED = "case.severity.changed";
    public static final String DEADLINE_BREACHED = "deadline.breached";
    public static final String ADVISORY_PUBLISHED = "advisory.published";
    public static final String ADVISORY_WITHDRAWN = "advisory.withdrawn";
    public static final String ADVISORY_SUPERSEDED = "advisory.superseded";
    public static final String CVE_RECORD_REJECTED = "cve.record.rejected";
    public static final String PARTNER_STATEMENT_MADE = "partner.statement.made";

    /** The types one can subscribe to, as a request's validation names them. */
    public static final String TYPE_NAMES =
            "case.state.changed, case.severity.changed, deadline.breached, advisory.published,"
                    + " advisory.withdrawn, advisory.superseded, cve.record.rejected,"
                    + " partner.statement.made";

    /** {@link #TYPE_NAMES} as a pattern (annotations take constants only). */
    public static final String TYPE_PATTERN =
            "case\\.state\\.changed|case\\.severity\\.changed|deadline\\.breached"
                    + "|advisory\\.(published|withdrawn|superseded)|cve\\.record\\.rejected"
                    + "|partner\\.statement\\.made";

    /** The types one can subscribe to. */
    public static final List<String> TYPES =
            List.of(
                    CASE_STATE_CHANGED,
                    CASE_SEVERITY_CHANGED,
                    DEADLINE_BREACHED,
                    ADVISORY_PUBLISHED,
                    ADVISORY_WITHDRAWN,
                    ADVISORY_SUPERSEDED,
                    CVE_RECORD_REJECTED,
                    PARTNER_STATEMENT_MADE);

    /** The move, without its reason (sealed) or the staff member who made it. */
    public static PublicEvent of(CaseStateChanged change, InboundEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", change.caseId());
        data.put("trackingId", change.trackingId());
        data.put("program", change.programSlug());
        data.put("from", change.from());
        data.put("to", change.to());
        data.put("changedAt", change.changedAt().toString());
        return new PublicEvent(
                CASE_STATE_CHANGED,
                event.id(),
                event.source().toString(),
                change.trackingId(),
                change.programSlug(),
                change.changedAt(),
                "%s (%s) moved from %s to %s"
                        .formatted(
                                change.trackingId(),
                                change.programSlug(),
                                change.from(),
                                change.to()),
                data,
                casePath(change.caseId()),
                null);
    }

    /** The level and score, without the staff member. */
    public static PublicEvent of(CaseSeverityChanged change, InboundEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", change.caseId());
        data.put("trackingId", change.trackingId());
        data.put("program", change.programSlug());
        data.put("severity", change.severity());
        data.put("cvssScore", change.cvssScore());
        data.put("changedAt", change.changedAt().toString());
        return new PublicEvent(
                CASE_SEVERITY_CHANGED,
                event.id(),
                event.source().toString(),
                change.trackingId(),
                change.programSlug(),
                change.changedAt(),
                "%s (%s) is now of %s severity"
                        .formatted(change.trackingId(), change.programSlug(), change.severity()),
                data,
                casePath(change.caseId()),
                null);
    }

    /** The late step, without the case's owner. */
    public static PublicEvent of(DeadlineBreached breach, InboundEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", breach.caseId());
        data.put("trackingId", breach.trackingId());
        data.put("program", breach.programSlug());
        data.put("step", breach.step());
        data.put("dueAt", breach.dueAt().toString());
        data.put("caseState", breach.caseState());
        data.put("raisedAt", breach.raisedAt().toString());
        return new PublicEvent(
                DEADLINE_BREACHED,
                event.id(),
                event.source().toString(),
                breach.trackingId(),
                breach.programSlug(),
                breach.raisedAt(),
                "%s (%s) missed its %s deadline"
                        .formatted(breach.trackingId(), breach.programSlug(), breach.step()),
                data,
                casePath(breach.caseId()),
                null);
    }

    /** What the advisory's public page shows, without the reports it came from or the credits. */
    public static PublicEvent of(AdvisoryPublished published, InboundEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("advisoryId", published.advisoryId());
        data.put("publicId", published.publicId());
        data.put("program", published.programSlug());
        data.put("revision", published.revision());
        data.put("title", published.title());
        data.put("cveId", published.cveId());
        data.put("severity", published.severity());
        data.put("url", published.url());
        data.put("publishedAt", published.publishedAt().toString());
        return new PublicEvent(
                ADVISORY_PUBLISHED,
                event.id(),
                event.source().toString(),
                published.publicId(),
                published.programSlug(),
                published.publishedAt(),
                "%s published: %s".formatted(published.publicId(), published.title()),
                data,
                null,
                published.url());
    }

    /** The withdrawal as the advisory's page states it (public, reason included). */
    public static PublicEvent of(AdvisoryWithdrawn withdrawn, InboundEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("advisoryId", withdrawn.advisoryId());
        data.put("publicId", withdrawn.publicId());
        data.put("program", withdrawn.programSlug());
        data.put("revision", withdrawn.revision());
        data.put("title", withdrawn.title());
        data.put("cveId", withdrawn.cveId());
        data.put("reason", withdrawn.reason());
        data.put("url", withdrawn.url());
        data.put("withdrawnAt", withdrawn.withdrawnAt().toString());
        return new PublicEvent(
                ADVISORY_WITHDRAWN,
                event.id(),
                event.source().toString(),
                withdrawn.publicId(),
                withdrawn.programSlug(),
                withdrawn.withdrawnAt(),
                "%s withdrawn: %s".formatted(withdrawn.publicId(), withdrawn.reason()),
                data,
                null,
                withdrawn.url());
    }

    /** The supersession as the advisory's page states it, with its successor. */
    public static PublicEvent of(AdvisorySuperseded superseded, InboundEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("advisoryId", superseded.advisoryId());
        data.put("publicId", superseded.publicId());
        data.put("program", superseded.programSlug());
        data.put("revision", superseded.revision());
        data.put("title", superseded.title());
        data.put("cveId", superseded.cveId());
        data.put("successorPublicId", superseded.successorPublicId());
        data.put("successorUrl", superseded.successorUrl());
        data.put("reason", superseded.reason());
        data.put("url", superseded.url());
        data.put("supersededAt", superseded.supersededAt().toString());
        return new PublicEvent(
                ADVISORY_SUPERSEDED,
                event.id(),
                event.source().toString(),
                superseded.publicId(),
                superseded.programSlug(),
                superseded.supersededAt(),
                "%s superseded by %s"
                        .formatted(superseded.publicId(), superseded.successorPublicId()),
                data,
                null,
                superseded.url());
    }

    /** The rejected CVE record, as its public REJECTED record says. */
    public static PublicEvent of(CveRecordRejected rejected, InboundEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("advisoryId", rejected.advisoryId());
        data.put("publicId", rejected.publicId());
        data.put("program", rejected.programSlug());
        data.put("cveId", rejected.cveId());
        data.put("reason", rejected.reason());
        data.put("url", rejected.url());
        data.put("rejectedAt", rejected.rejectedAt().toString());
        return new PublicEvent(
                CVE_RECORD_REJECTED,
                event.id(),
                event.source().toString(),
                rejected.publicId(),
                rejected.programSlug(),
                rejected.rejectedAt(),
                "%s rejected: %s".formatted(rejected.cveId(), rejected.reason()),
                data,
                null,
                rejected.url());
    }

    /**
     * A partner's answer to a pre-advisory: who, which product, its status and readiness. The
     * partner's free-text reason never leaves notify, and the pre-advisory's content is not in it.
     */
    public static PublicEvent of(PartnerStatementMade statement, InboundEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("preAdvisoryId", statement.advisoryId());
        data.put("program", statement.programSlug());
        data.put("partnerId", statement.partnerId());
        data.put("partner", statement.partnerName());
        data.put("product", statement.product());
        data.put("status", statement.status());
        data.put("justification", statement.justification());
        data.put("fixedVersion", statement.fixedVersion());
        data.put("readiness", statement.readiness());
        data.put("statedAt", statement.statedAt().toString());
        return new PublicEvent(
                PARTNER_STATEMENT_MADE,
                event.id(),
                event.source().toString(),
                statement.advisoryId(),
                statement.programSlug(),
                statement.statedAt(),
                statement.product() == null || statement.product().isEmpty()
                        ? "%s: %s for the lift"
                                .formatted(statement.partnerName(), statement.readiness())
                        : "%s: %s is %s"
                                .formatted(
                                        statement.partnerName(),
                                        statement.product(),
                                        statement.status()),
                data,
                "#/readiness/" + statement.advisoryId(),
                null);
    }

    private static String casePath(String caseId) {
        return "#/cases/" + caseId;
    }
}
