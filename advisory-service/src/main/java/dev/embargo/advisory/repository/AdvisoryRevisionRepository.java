package dev.embargo.advisory.repository;

import dev.embargo.advisory.domain.AdvisoryRevision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AdvisoryRevisionRepository implements PanacheRepositoryBase<AdvisoryRevision, UUID> {

    public Uni<AdvisoryRevision> revision(UUID advisoryId, int number) {
        return find("advisoryId = ?1 and number = ?2", advisoryId, number).firstResult();
    }

    /** Every revision, oldest first. */
    public Uni<List<AdvisoryRevision>> history(UUID advisoryId) {
        return list("advisoryId", Sort.ascending("number"), advisoryId);
    }
}
