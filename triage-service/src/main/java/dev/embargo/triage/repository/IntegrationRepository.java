package dev.embargo.triage.repository;

import dev.embargo.triage.domain.Integration;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IntegrationRepository implements PanacheRepositoryBase<Integration, UUID> {

    public Uni<List<Integration>> all() {
        return listAll(Sort.ascending("name").and("createdAt"));
    }

    public Uni<List<Integration>> revoked() {
        return list("revokedAt is not null");
    }

    /** The integration of that name that is not revoked; null when there is none. */
    public Uni<Integration> active(String name) {
        return find("name = ?1 and revokedAt is null", name).firstResult();
    }
}
