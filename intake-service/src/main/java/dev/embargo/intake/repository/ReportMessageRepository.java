package dev.embargo.intake.repository;

import dev.embargo.intake.domain.ReportMessage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReportMessageRepository implements PanacheRepositoryBase<ReportMessage, UUID> {

    /** The report's conversation, oldest first. */
    public Uni<List<ReportMessage>> forReport(UUID reportId) {
        return find("reportId", Sort.ascending("postedAt"), reportId).list();
    }
}
