package dev.embargo.triage.repository;

import dev.embargo.triage.domain.CaseNote;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseNoteRepository implements PanacheRepositoryBase<CaseNote, UUID> {

    /** The case's notes, oldest first. */
    public Uni<List<CaseNote>> forCase(UUID caseId) {
        return find("caseId", Sort.ascending("writtenAt"), caseId).list();
    }
}
