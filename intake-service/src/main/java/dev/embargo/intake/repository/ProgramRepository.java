package dev.embargo.intake.repository;

import dev.embargo.intake.domain.PublishedProgram;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ProgramRepository implements PanacheRepositoryBase<PublishedProgram, String> {

    public Uni<List<PublishedProgram>> listBySlug() {
        return listAll(Sort.by("slug"));
    }
}
