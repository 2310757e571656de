package dev.embargo.triage.repository;

import dev.embargo.triage.domain.CraNotification;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CraNotificationRepository implements PanacheRepositoryBase<CraNotification, UUID> {

    public Uni<List<CraNotification>> forCase(UUID caseId) {
        return find("caseId", Sort.ascending("draftedAt"), caseId).list();
    }

    /** The case's notification of the kind; null before it is drafted. */
    public Uni<CraNotification> of(UUID caseId, String kind) {
        return find("caseId = ?1 and kind = ?2", caseId, kind).firstResult();
    }
}
