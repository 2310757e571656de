package dev.embargo.intake.repository;

import dev.embargo.intake.domain.Report;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    public Uni<Report> findByTrackingId(String trackingId) {
        return find("trackingId", trackingId).firstResult();
    }

    /** The next consecutive tracking number; gaps appear only when a submission's transaction rolls back. */
    public Uni<Long> nextTrackingNumber() {
        return getSession().chain(session -> session
                .createNativeQuery("SELECT nextval('report_tracking_seq')", Long.class)
                .getSingleResult());
    }
}
