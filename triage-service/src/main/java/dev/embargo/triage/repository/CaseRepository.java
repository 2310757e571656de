package dev.embargo.triage.repository;

import dev.embargo.triage.domain.VulnerabilityCase;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import dev.embargo.triage.domain.CaseState;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
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

    /** Cases matching every filter given (empty filters match all) of the programs in scope (empty: all), newest first. */
    public Uni<List<VulnerabilityCase>> search(CaseFilter filter, java.util.Optional<java.util.Set<String>> programsInScope,
            int page, int size) {
        StringBuilder query = new StringBuilder("from VulnerabilityCase c where 1 = 1");
        Parameters parameters = new Parameters();
        filter.program().ifPresent(program -> {
            query.append(" and c.programSlug = :program");
            parameters.and("program", program);
        });
        filter.state().ifPresent(state -> {
            query.append(" and c.state = :state");
            parameters.and("state", state);
        });
        filter.severity().ifPresent(severity -> {
            query.append(" and c.severity = :severity");
            parameters.and("severity", severity);
        });
        filter.owner().ifPresent(owner -> {
            query.append(" and c.owner = :owner");
            parameters.and("owner", owner);
        });
        programsInScope.ifPresent(programs -> {
            query.append(" and c.programSlug in :inScope");
            parameters.and("inScope", programs);
        });
        if (filter.overdue()) {
            query.append(" and exists (from CaseDeadline d where d.caseId = c.id and d.breachedAt is not null"
                    + " and d.settledAt is null)");
        }
        return find(query.toString(), Sort.descending("openedAt").and("trackingId"), parameters)
                .page(Page.of(page, size)).list();
    }

    /** What the case queue is filtered by; empty means any; overdue: only cases with a promise breached and not yet kept. */
    public record CaseFilter(java.util.Optional<String> program, java.util.Optional<CaseState> state,
                             java.util.Optional<String> severity, java.util.Optional<String> owner, boolean overdue) {
    }
}
