package dev.embargo.intake.repository;

import dev.embargo.intake.domain.MissedStep;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MissedStepRepository implements PanacheRepositoryBase<MissedStep, UUID> {

    public Uni<List<MissedStep>> forReport(UUID reportId) {
        return list("reportId", reportId);
    }
}
