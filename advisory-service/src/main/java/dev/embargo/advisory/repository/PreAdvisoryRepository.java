package dev.embargo.advisory.repository;

import dev.embargo.advisory.domain.PreAdvisory;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class PreAdvisoryRepository implements PanacheRepositoryBase<PreAdvisory, UUID> {

    /** One page, newest first; only the given programs' when {@code programs} is present. */
    public Uni<List<PreAdvisory>> listPage(Optional<Set<String>> programs, int page, int size) {
        Sort order = Sort.descending("releasedAt");
        return programs.map(slugs -> find("programSlug in ?1", order, slugs))
                .orElseGet(() -> findAll(order))
                .page(Page.of(page, size))
                .list();
    }
}
