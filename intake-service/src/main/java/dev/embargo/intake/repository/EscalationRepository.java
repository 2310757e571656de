package dev.embargo.intake.repository;

import dev.embargo.intake.domain.Escalation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EscalationRepository implements PanacheRepositoryBase<Escalation, UUID> {

    /** The report's escalations, oldest first. */
    public Uni<List<Escalation>> forReport(UUID reportId) {
        return find("reportId", Sort.ascending("receivedAt"), reportId).list();
    }
}
