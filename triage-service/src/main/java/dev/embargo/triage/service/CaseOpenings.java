package dev.embargo.triage.service;

import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.policy.model.Program;
import dev.embargo.policy.model.VersionSupport;
import dev.embargo.triage.domain.CaseAuditEntry;
import dev.embargo.triage.domain.CaseDeadline;
import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.PolicyDeadline;
import dev.embargo.triage.domain.SpamSignals;
import dev.embargo.triage.domain.VulnerabilityCase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Opens the cases of a batch of reports and acknowledges them, on the caller's SQL client
 * transaction: one statement per table for the whole batch (cases, their deadline rows, their first
 * audit lines, the {@code report.acknowledged} events), where opening them one at a time through
 * Hibernate took a dozen statements per report, and those statements were most of triage's CPU time
 * per report.
 *
 * <p>Each case is opened under the policy revision in force when its report arrived, with the
 * deadlines that policy sets. A report that already has a case (the same report announced twice, in
 * this batch or before) changes nothing and is not acknowledged again.
 */
@ApplicationScoped
public class CaseOpenings {

    private static final String EXISTING =
            "SELECT report_id FROM vulnerability_case WHERE report_id = ANY($1::uuid[])";

    private static final String INSERT_CASES =
            """
            INSERT INTO vulnerability_case (id, report_id, tracking_id, program_slug, program_revision,
                sealed_title, sealed_description, sealed_credit_name, sealed_affected_version,
                version_support, reported_scope_class, reported_cvss_vector, credit_preference,
                text_fingerprint, spam_signals, deadlines, state, submitted_at, opened_at, acknowledged_at)
            SELECT id, report_id, tracking_id, program_slug, program_revision,
                sealed_title, sealed_description, sealed_credit_name, sealed_affected_version,
                version_support, reported_scope_class, reported_cvss_vector, credit_preference,
                text_fingerprint::bigint[], spam_signals, deadlines, state, submitted_at, opened_at,
                acknowledged_at
            FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[],
                $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                $14::text[], $15::text[], $16::text[], $17::text[], $18::timestamptz[],
                $19::timestamptz[], $20::timestamptz[])
                AS opened (id, report_id, tracking_id, program_slug, program_revision,
                    sealed_title, sealed_description, sealed_credit_name, sealed_affected_version,
                    version_support, reported_scope_class, reported_cvss_vector, credit_preference,
                    text_fingerprint, spam_signals, deadlines, state, submitted_at, opened_at,
                    acknowledged_at)\
            """;

    private static final String INSERT_DEADLINES =
            """
            INSERT INTO case_deadline (id, case_id, step, due_at, warn_at, update_every, firm,
                clock_from, paused)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[],
                $5::timestamptz[], $6::text[], $7::boolean[], $8::timestamptz[], $9::boolean[])\
            """;

    private static final String INSERT_AUDIT_LINES =
            """
            INSERT INTO case_audit (id, case_id, position, previous_hash, hash, at, actor, action,
                sealed_detail)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[],
                $6::timestamptz[], $7::text[], $8::text[], $9::text[])\
            """;

    private final FieldCipher cipher;
    private final ProgramRegistry programs;
    private final CaseTimeline timeline;
    private final CaseAudit audit;
    private final CaseMetrics metrics;
    private final TriageClock clock;
    private final Duplicates duplicates;
    private final Outbox outbox;

    CaseOpenings(
            FieldCipher cipher,
            ProgramRegistry programs,
            CaseTimeline timeline,
            CaseAudit audit,
            CaseMetrics metrics,
            TriageClock clock,
            Duplicates duplicates,
            Outbox outbox) {
        this.cipher = cipher;
        this.programs = programs;
        this.timeline = timeline;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
        this.duplicates = duplicates;
        this.outbox = outbox;
    }

    /**
     * Opens a case for each report that has none yet and stages its acknowledgement, in {@code
     * transaction}.
     */
    public Uni<Void> openAndAcknowledge(SqlConnection transaction, List<ReportSubmitted> reports) {
        Map<UUID, ReportSubmitted> byReportId = new LinkedHashMap<>();
        for (ReportSubmitted report : reports) {
            byReportId.putIfAbsent(UUID.fromString(report.reportId()), report);
        }
        Tuple reportIds = Tuple.tuple().addArrayOfUUID(byReportId.keySet().toArray(UUID[]::new));
        return transaction
                .preparedQuery(EXISTING)
                .execute(reportIds)
                .chain(
                        rows -> {
                            rows.forEach(row -> byReportId.remove(row.getUUID(0)));
                            return programsOf(transaction, byReportId.values());
                        })
                .chain(
                        programsByRevision -> {
                            Instant now = clock.now();
                            List<Opening> openings = new ArrayList<>();
                            byReportId.forEach(
                                    (reportId, report) ->
                                            openings.add(
                                                    opening(
                                                            report,
                                                            reportId,
                                                            programsByRevision.get(
                                                                    revisionOf(report)),
                                                            now)));
                            return store(transaction, openings)
                                    .invoke(
                                            () ->
                                                    openings.forEach(
                                                            opening ->
                                                                    metrics.acknowledged(
                                                                            opening.opened(),
                                                                            opening.deadlines())));
                        });
    }

    /** The programs the reports name, by slug and revision; a missing one maps to null. */
    private Uni<Map<String, Program>> programsOf(
            SqlConnection transaction, Iterable<ReportSubmitted> reports) {
        Map<String, ReportSubmitted> byRevision = new LinkedHashMap<>();
        reports.forEach(report -> byRevision.putIfAbsent(revisionOf(report), report));
        Map<String, Program> found = new HashMap<>();
        Uni<Void> read = Uni.createFrom().voidItem();
        for (Map.Entry<String, ReportSubmitted> entry : byRevision.entrySet()) {
            ReportSubmitted report = entry.getValue();
            read =
                    read.chain(
                            () ->
                                    programs.programAt(
                                                    transaction,
                                                    report.programSlug(),
                                                    report.programRevision())
                                            .invoke(program -> found.put(entry.getKey(), program))
                                            .replaceWithVoid());
        }
        return read.replaceWith(found);
    }

    private static String revisionOf(ReportSubmitted report) {
        return report.programSlug() + " revision " + report.programRevision();
    }

    /** A case opened and acknowledged now under the program (null if unknown), not yet stored. */
    private Opening opening(ReportSubmitted report, UUID reportId, Program program, Instant now) {
        VulnerabilityCase opened = new VulnerabilityCase();
        opened.id = TimeOrderedIds.next();
        opened.reportId = reportId;
        opened.trackingId = report.trackingId();
        opened.programSlug = report.programSlug();
        opened.programRevision = report.programRevision();
        opened.sealedTitle = report.sealedTitle();
        opened.sealedDescription = report.sealedDescription();
        // A v2 report (older intake) brings them plain: sealed here, as every other case's.
        opened.sealedCreditName = cipher.sealIfPlain(report.sealedCreditName());
        opened.sealedAffectedVersion = cipher.sealIfPlain(report.sealedAffectedVersion());
        opened.reportedScopeClass = report.reportedScopeClass();
        String title = cipher.open(report.sealedTitle());
        String description = cipher.open(report.sealedDescription());
        List<String> signals = SpamSignals.of(title, description);
        opened.textFingerprint = duplicates.fingerprintOf(title, description);
        opened.spamSignals = signals.isEmpty() ? null : String.join(",", signals);
        opened.reportedCvssVector = report.reportedCvssVector();
        opened.creditPreference = report.creditPreference();
        opened.submittedAt = report.submittedAt().atOffset(ZoneOffset.UTC);
        opened.openedAt = now.atOffset(ZoneOffset.UTC);
        // Triage acknowledges on arrival; the policy's acknowledgement deadline is always met.
        opened.state = CaseState.ACKNOWLEDGED;
        opened.acknowledgedAt = opened.openedAt;
        opened.versionSupport =
                program == null
                        ? VersionSupport.UNKNOWN
                        : VersionSupport.of(
                                program,
                                cipher.open(opened.sealedAffectedVersion),
                                clock.today(program.timeZone()));
        List<PolicyDeadline> deadlines =
                program == null ? List.of() : timeline.compute(program, opened);
        timeline.keepInOpened(opened, deadlines);
        return new Opening(
                opened,
                deadlines,
                timeline.deadlineRowsOfOpened(opened, deadlines),
                audit.firstLine(
                        opened.id,
                        CaseAudit.SYSTEM,
                        "opened under program "
                                + opened.programSlug
                                + " revision "
                                + opened.programRevision
                                + ", acknowledged",
                        null),
                new ReportAcknowledged(
                        report.reportId(),
                        opened.trackingId,
                        opened.programSlug,
                        opened.id.toString(),
                        opened.acknowledgedAt.toInstant(),
                        CaseTimeline.forEvents(deadlines)));
    }

    /**
     * The cases, their deadline rows, audit lines and events: pipelined on the connection, so the
     * statements cost one round trip.
     */
    private Uni<Void> store(SqlConnection transaction, List<Opening> openings) {
        if (openings.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<VulnerabilityCase> cases = openings.stream().map(Opening::opened).toList();
        List<CaseDeadline> deadlineRows =
                openings.stream().flatMap(opening -> opening.deadlineRows().stream()).toList();
        List<CaseAuditEntry> auditLines = openings.stream().map(Opening::auditLine).toList();
        List<EventPayload> events =
                openings.stream().map(opening -> (EventPayload) opening.acknowledged()).toList();
        return Uni.combine()
                .all()
                .unis(
                        transaction.preparedQuery(INSERT_CASES).execute(caseColumns(cases)),
                        deadlineRows.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : transaction
                                        .preparedQuery(INSERT_DEADLINES)
                                        .execute(deadlineColumns(deadlineRows)),
                        transaction
                                .preparedQuery(INSERT_AUDIT_LINES)
                                .execute(auditColumns(auditLines)),
                        outbox.stageAll(transaction, events))
                .discardItems();
    }

    private static Tuple caseColumns(List<VulnerabilityCase> cases) {
        return Tuple.tuple()
                .addArrayOfUUID(column(cases, c -> c.id, UUID[]::new))
                .addArrayOfUUID(column(cases, c -> c.reportId, UUID[]::new))
                .addArrayOfString(column(cases, c -> c.trackingId, String[]::new))
                .addArrayOfString(column(cases, c -> c.programSlug, String[]::new))
                .addArrayOfInteger(column(cases, c -> c.programRevision, Integer[]::new))
                .addArrayOfString(column(cases, c -> c.sealedTitle, String[]::new))
                .addArrayOfString(column(cases, c -> c.sealedDescription, String[]::new))
                .addArrayOfString(column(cases, c -> c.sealedCreditName, String[]::new))
                .addArrayOfString(column(cases, c -> c.sealedAffectedVersion, String[]::new))
                .addArrayOfString(column(cases, c -> c.versionSupport.name(), String[]::new))
                .addArrayOfString(column(cases, c -> c.reportedScopeClass, String[]::new))
                .addArrayOfString(column(cases, c -> c.reportedCvssVector, String[]::new))
                .addArrayOfString(column(cases, c -> c.creditPreference, String[]::new))
                .addArrayOfString(
                        column(cases, c -> arrayLiteral(c.textFingerprint), String[]::new))
                .addArrayOfString(column(cases, c -> c.spamSignals, String[]::new))
                .addArrayOfString(column(cases, c -> c.deadlines, String[]::new))
                .addArrayOfString(column(cases, c -> c.state.name(), String[]::new))
                .addArrayOfOffsetDateTime(column(cases, c -> c.submittedAt, OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(column(cases, c -> c.openedAt, OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(
                        column(cases, c -> c.acknowledgedAt, OffsetDateTime[]::new));
    }

    private static Tuple deadlineColumns(List<CaseDeadline> rows) {
        return Tuple.tuple()
                .addArrayOfUUID(column(rows, row -> row.id, UUID[]::new))
                .addArrayOfUUID(column(rows, row -> row.caseId, UUID[]::new))
                .addArrayOfString(column(rows, row -> row.step, String[]::new))
                .addArrayOfOffsetDateTime(column(rows, row -> row.dueAt, OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(column(rows, row -> row.warnAt, OffsetDateTime[]::new))
                .addArrayOfString(column(rows, row -> row.updateEvery, String[]::new))
                .addArrayOfBoolean(column(rows, row -> row.firm, Boolean[]::new))
                .addArrayOfOffsetDateTime(column(rows, row -> row.clockFrom, OffsetDateTime[]::new))
                .addArrayOfBoolean(column(rows, row -> row.paused, Boolean[]::new));
    }

    private static Tuple auditColumns(List<CaseAuditEntry> lines) {
        return Tuple.tuple()
                .addArrayOfUUID(column(lines, line -> line.id, UUID[]::new))
                .addArrayOfUUID(column(lines, line -> line.caseId, UUID[]::new))
                .addArrayOfInteger(column(lines, line -> line.position, Integer[]::new))
                .addArrayOfString(column(lines, line -> line.previousHash, String[]::new))
                .addArrayOfString(column(lines, line -> line.hash, String[]::new))
                .addArrayOfOffsetDateTime(column(lines, line -> line.at, OffsetDateTime[]::new))
                .addArrayOfString(column(lines, line -> line.actor, String[]::new))
                .addArrayOfString(column(lines, line -> line.action, String[]::new))
                .addArrayOfString(column(lines, line -> line.sealedDetail, String[]::new));
    }

    private static <R, T> T[] column(List<R> rows, Function<R, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    /** A PostgreSQL array literal: the fingerprint travels as text and is cast in the statement. */
    private static String arrayLiteral(long[] values) {
        return Arrays.stream(values)
                .mapToObj(Long::toString)
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A case to store, with what is stored and announced along with it. */
    private record Opening(
            VulnerabilityCase opened,
            List<PolicyDeadline> deadlines,
            List<CaseDeadline> deadlineRows,
            CaseAuditEntry auditLine,
            ReportAcknowledged acknowledged) {}
}
