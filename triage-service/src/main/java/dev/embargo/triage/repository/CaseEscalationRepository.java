package dev.embargo.triage.repository;

import dev.embargo.triage.domain.CaseEscalation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseEscalationRepository implements PanacheRepositoryBase<CaseEscalation, UUID> {

    /** The escalations of the given cases, oldest first. */
    public Uni<List<CaseEscalation>> of(Collection<UUID> caseIds) {
        return caseIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : find("caseId in ?1", Sort.ascending("receivedAt"), caseIds).list();
    }
}
