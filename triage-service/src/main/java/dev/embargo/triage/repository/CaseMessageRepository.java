package dev.embargo.triage.repository;

import dev.embargo.triage.domain.CaseMessage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseMessageRepository implements PanacheRepositoryBase<CaseMessage, UUID> {

    /** The case's messages, oldest first. */
    public Uni<List<CaseMessage>> forCase(UUID caseId) {
        return find("caseId", Sort.ascending("postedAt"), caseId).list();
    }
}
