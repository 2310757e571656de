package dev.embargo.advisory.repository;

import dev.embargo.advisory.domain.AdvisoryAudit;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AdvisoryAuditRepository implements PanacheRepositoryBase<AdvisoryAudit, Long> {

    public Uni<List<AdvisoryAudit>> trail(UUID advisoryId) {
        return list("advisoryId", Sort.ascending("id"), advisoryId);
    }
}
