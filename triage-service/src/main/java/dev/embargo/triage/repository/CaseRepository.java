package dev.embargo.triage.repository;

import dev.embargo.triage.domain.VulnerabilityCase;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<VulnerabilityCase, UUID> {

    public Uni<VulnerabilityCase> findByReportId(UUID reportId) {
        return find("reportId", reportId).firstResult();
    }

    /** Newest first. */
    public Uni<List<VulnerabilityCase>> listPage(int page, int size) {
        return findAll(Sort.descending("openedAt").and("trackingId")).page(Page.of(page, size)).list();
    }
}
