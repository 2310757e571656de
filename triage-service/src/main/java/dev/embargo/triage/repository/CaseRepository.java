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

    /** Cases matching every filter given (null filters match all), newest first. */
    public Uni<List<VulnerabilityCase>> search(CaseFilter filter, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        filter.program().ifPresent(program -> {
            query.append(" and programSlug = :program");
            parameters.and("program", program);
        });
        filter.state().ifPresent(state -> {
            query.append(" and state = :state");
            parameters.and("state", state);
        });
        filter.severity().ifPresent(severity -> {
            query.append(" and severity = :severity");
            parameters.and("severity", severity);
        });
        filter.owner().ifPresent(owner -> {
            query.append(" and owner = :owner");
            parameters.and("owner", owner);
        });
        return find(query.toString(), Sort.descending("openedAt").and("trackingId"), parameters)
                .page(Page.of(page, size)).list();
    }

    /** What the case queue is filtered by; empty means any. */
    public record CaseFilter(java.util.Optional<String> program, java.util.Optional<CaseState> state,
                             java.util.Optional<String> severity, java.util.Optional<String> owner) {
    }
}
