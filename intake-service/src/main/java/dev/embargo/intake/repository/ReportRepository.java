package dev.embargo.intake.repository;

import dev.embargo.intake.domain.Report;
import dev.embargo.kit.work.SessionContexts;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    private static final String INSERT =
            """
            INSERT INTO report (id, tracking_id, program_slug, program_revision, sealed_title, sealed_description,
                sealed_reporter_email, sealed_credit_name, sealed_affected_version, token_hash, reported_scope_class,
                reported_cvss_vector, credit_preference, status, submitted_at, updated_at)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::text[], $10::bytea[], $11::text[], $12::text[], $13::text[], $14::text[],
                $15::timestamptz[], $16::timestamptz[])\
            """;

    private final Pool sql;

    ReportRepository(Pool sql) {
        this.sql = sql;
    }

    /**
     * What a tracking id looks like; anything else (a NUL byte, path tricks) matches no report and
     * never reaches SQL.
     */
    private static final Pattern TRACKING_ID = Pattern.compile("EMB-[0-9]{4}-[0-9]{5,12}");

    /** The report with this tracking id; none for an id that cannot be one. */
    public Uni<Report> findByTrackingId(String trackingId) {
        if (trackingId == null || !TRACKING_ID.matcher(trackingId).matches()) {
            return Uni.createFrom().nullItem();
        }
        return find("trackingId", trackingId).firstResult();
    }

    /** The same, with the row locked until the transaction ends. */
    public Uni<Report> findByTrackingIdForUpdate(String trackingId) {
        if (trackingId == null || !TRACKING_ID.matcher(trackingId).matches()) {
            return Uni.createFrom().nullItem();
        }
        return find("trackingId", trackingId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /**
     * The next consecutive tracking number; gaps appear when a submission's transaction rolls back
     * and for emails that turn out to be replies or copies (the number is taken before the
     * transaction that finds out). Straight through the SQL client: a sequence stands outside
     * transactions anyway, and Hibernate keeps a new query-plan entry for every native query with a
     * scalar result, all with one hash, which made each submission slower than the one before.
     */
    public Uni<Long> nextTrackingNumber() {
        return sql.preparedQuery("SELECT nextval('report_tracking_seq')")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .emitOn(SessionContexts.current());
    }

    /**
     * {@code count} consecutive tracking numbers in one round trip, on the caller's transaction.
     */
    public Uni<List<Long>> nextTrackingNumbers(SqlConnection transaction, int count) {
        return transaction
                .preparedQuery("SELECT nextval('report_tracking_seq') FROM generate_series(1, $1)")
                .execute(Tuple.of(count))
                .map(
                        rows ->
                                StreamSupport.stream(rows.spliterator(), false)
                                        .map(row -> row.getLong(0))
                                        .toList());
    }

    /**
     * Inserts new reports on the caller's transaction in one statement, a column of values per
     * parameter: {@code persist} for batches, the columns as {@link Report} maps them (a new report
     * has no acknowledgement and no deadlines yet). One statement rather than a pipelined batch of
     * one-row INSERTs: PostgreSQL plans and executes it once for the whole batch.
     */
    public Uni<Void> insertAll(SqlConnection transaction, List<Report> reports) {
        Tuple columns =
                Tuple.tuple()
                        .addArrayOfUUID(column(reports, report -> report.id, UUID[]::new))
                        .addArrayOfString(
                                column(reports, report -> report.trackingId, String[]::new))
                        .addArrayOfString(
                                column(reports, report -> report.programSlug, String[]::new))
                        .addArrayOfInteger(
                                column(reports, report -> report.programRevision, Integer[]::new))
                        .addArrayOfString(
                                column(reports, report -> report.sealedTitle, String[]::new))
                        .addArrayOfString(
                                column(reports, report -> report.sealedDescription, String[]::new))
                        .addArrayOfString(
                                column(
                                        reports,
                                        report -> report.sealedReporterEmail,
                                        String[]::new))
                        .addArrayOfString(
                                column(reports, report -> report.sealedCreditName, String[]::new))
                        .addArrayOfString(
                                column(
                                        reports,
                                        report -> report.sealedAffectedVersion,
                                        String[]::new))
                        // The mutiny Tuple has no addArrayOfBuffer; the client encodes core Buffers
                        // as bytea[].
                        .addValue(
                                column(
                                        reports,
                                        report -> Buffer.buffer(report.tokenHash),
                                        Buffer[]::new))
                        .addArrayOfString(
                                column(reports, report -> report.reportedScopeClass, String[]::new))
                        .addArrayOfString(
                                column(reports, report -> report.reportedCvssVector, String[]::new))
                        .addArrayOfString(
                                column(reports, report -> report.creditPreference, String[]::new))
                        .addArrayOfString(
                                column(reports, report -> report.status.name(), String[]::new))
                        .addArrayOfOffsetDateTime(
                                column(
                                        reports,
                                        report -> report.submittedAt,
                                        OffsetDateTime[]::new))
                        .addArrayOfOffsetDateTime(
                                column(reports, report -> report.updatedAt, OffsetDateTime[]::new));
        return transaction.preparedQuery(INSERT).execute(columns).replaceWithVoid();
    }

    private static <T> T[] column(
            List<Report> reports, Function<Report, T> value, IntFunction<T[]> array) {
        return reports.stream().map(value).toArray(array);
    }
}
