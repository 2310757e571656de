package dev.embargo.intake.repository;

import dev.embargo.intake.domain.Report;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import dev.embargo.kit.work.SessionContexts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.regex.Pattern;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

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
}
