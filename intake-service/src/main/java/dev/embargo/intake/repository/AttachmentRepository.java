package dev.embargo.intake.repository;

import dev.embargo.intake.domain.Attachment;
import dev.embargo.intake.domain.AttachmentSummary;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    /** The report's attachments without their content, oldest first. */
    public Uni<List<AttachmentSummary>> summariesOf(UUID reportId) {
        return find("reportId", Sort.ascending("addedAt", "id"), reportId)
                .project(AttachmentSummary.class)
                .list();
    }

    public Uni<Long> countOf(UUID reportId) {
        return count("reportId", reportId);
    }

    /**
     * The attachment if it belongs to the report; null otherwise, so one report's link cannot reach
     * another's file.
     */
    public Uni<Attachment> findOfReport(UUID reportId, UUID attachmentId) {
        return find("id = ?1 and reportId = ?2", attachmentId, reportId).firstResult();
    }
}
