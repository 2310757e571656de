package dev.embargo.triage.repository;

import dev.embargo.triage.domain.CaseAuditEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseAuditRepository implements PanacheRepositoryBase<CaseAuditEntry, UUID> {

    /** The case's log in chain order. */
    public Uni<List<CaseAuditEntry>> forCase(UUID caseId) {
        return list("caseId", Sort.by("position"), caseId);
    }

    public Uni<CaseAuditEntry> lastOf(UUID caseId) {
        return find("caseId", Sort.descending("position"), caseId).firstResult();
    }
}
