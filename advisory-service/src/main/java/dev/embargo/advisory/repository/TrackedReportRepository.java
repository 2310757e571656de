package dev.embargo.advisory.repository;

import dev.embargo.advisory.domain.TrackedReport;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TrackedReportRepository implements PanacheRepositoryBase<TrackedReport, UUID> {

    public Uni<List<TrackedReport>> listPage(int page, int size) {
        return findAll(Sort.descending("updatedAt").and("trackingId")).page(Page.of(page, size)).list();
    }
}
