package dev.embargo.triage.repository;

import dev.embargo.triage.domain.ProgramRevision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ProgramRevisionRepository
        implements PanacheRepositoryBase<ProgramRevision, ProgramRevision.Key> {

    public Uni<ProgramRevision> latest(String slug) {
        return find("slug = ?1 order by revision desc", slug).firstResult();
    }

    public Uni<ProgramRevision> revision(String slug, int revision) {
        return find("slug = ?1 and revision = ?2", slug, revision).firstResult();
    }

    /** The revision in force of every program, by slug. */
    public Uni<List<ProgramRevision>> allLatest() {
        return find("from ProgramRevision r where r.revision = (select max(p.revision) from"
                        + " ProgramRevision p where p.slug = r.slug) order by r.slug")
                .list();
    }
}
