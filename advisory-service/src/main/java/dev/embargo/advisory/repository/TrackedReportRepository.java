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

    /**
     * One page, newest first; only the given programs' reports when {@code programs} is present.
     */
    public Uni<List<TrackedReport>> listPage(
            java.util.Optional<java.util.Set<String>> programs, int page, int size) {
        Sort order = Sort.descending("updatedAt").and("trackingId");
        return programs.map(slugs -> find("programSlug in ?1", order, slugs))
                .orElseGet(() -> findAll(order))
                .page(Page.of(page, size))
                .list();
    }
}
