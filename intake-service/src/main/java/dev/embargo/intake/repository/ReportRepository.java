package dev.embargo.intake.repository;

import dev.embargo.intake.domain.Report;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import dev.embargo.kit.work.SessionContexts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import java.util.regex.Pattern;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    private static final String INSERT = """
            INSERT INTO report (id, tracking_id, program_slug, program_revision, sealed_title, sealed_description,
                sealed_reporter_email, credit_name, affected_version, token_hash, reported_scope_class,
                reported_cvss_vector, credit_preference, status, submitted_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)""";

    private final Pool sql;

    ReportRepository(Pool sql) {
        this.sql = sql;
    }

    /** What a tracking id looks like; anything else (a NUL byte, path tricks) matches no report and never reaches SQL. */
    private static final Pattern TRACKING_ID = Pattern.compile("EMB-[0-9]{4}-[0-9]{5,12}");

    /** The report with this tracking id; none for an id that cannot be one. */
    public Uni<Report> findByTrackingId(String trackingId) {
        if (trackingId == null || !TRACKING_ID.matcher(trackingId).matches()) {
            return Uni.createFrom().nullItem();
        }
        return find("trackingId", trackingId).firstResult();
    }

    /**
     * The next consecutive tracking number; gaps appear when a submission's transaction rolls back
     * and for emails that turn out to be replies or copies (the number is taken before the
     * transaction that finds out). Straight through the SQL client: a sequence stands outside transactions anyway, and
     * Hibernate keeps a new query-plan entry for every native query with a scalar result, all with
     * one hash, which made each submission slower than the one before.
     */
    public Uni<Long> nextTrackingNumber() {
        return sql.preparedQuery("SELECT nextval('report_tracking_seq')").execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .emitOn(SessionContexts.current());
    }

    /** {@code count} consecutive tracking numbers in one round trip, on the caller's transaction. */
    public Uni<List<Long>> nextTrackingNumbers(SqlConnection transaction, int count) {
        return transaction.preparedQuery("SELECT nextval('report_tracking_seq') FROM generate_series(1, $1)")
                .execute(Tuple.of(count))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getLong(0)).toList());
    }

    /**
     * Inserts new reports on the caller's transaction in one round trip: {@code persist} for
     * batches, the columns as {@link Report} maps them (a new report has no acknowledgement and no
     * promised dates yet).
     */
    public Uni<Void> insertAll(SqlConnection transaction, List<Report> reports) {
        List<Tuple> rows = reports.stream().map(report -> Tuple.tuple()
                .addUUID(report.id).addString(report.trackingId).addString(report.programSlug)
                .addInteger(report.programRevision).addString(report.sealedTitle).addString(report.sealedDescription)
                .addString(report.sealedReporterEmail).addString(report.creditName).addString(report.affectedVersion)
                .addBuffer(Buffer.buffer(report.tokenHash)).addString(report.reportedScopeClass)
                .addString(report.reportedCvssVector).addString(report.creditPreference).addString(report.status.name())
                .addOffsetDateTime(report.submittedAt).addOffsetDateTime(report.updatedAt)).toList();
        return transaction.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }
}
