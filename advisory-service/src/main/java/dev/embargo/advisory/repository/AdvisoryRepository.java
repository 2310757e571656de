package dev.embargo.advisory.repository;

import dev.embargo.advisory.domain.Advisory;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class AdvisoryRepository implements PanacheRepositoryBase<Advisory, UUID> {

    /**
     * Scheduled advisories whose lift time has come, locked for this transaction. Rows another
     * replica holds are skipped, so each advisory is published by exactly one of them.
     */
    private static final String CLAIM_DUE =
            """
            SELECT * FROM advisory
             WHERE state = 'SCHEDULED' AND lift_at <= :now
             ORDER BY lift_at
             LIMIT :limit
             FOR UPDATE SKIP LOCKED\
            """;

    public Uni<List<Advisory>> claimDue(OffsetDateTime now, int limit) {
        return getSession()
                .chain(
                        session ->
                                session.createNativeQuery(CLAIM_DUE, Advisory.class)
                                        .setParameter("now", now)
                                        .setParameter("limit", limit)
                                        .getResultList());
    }

    /** The advisory, locked until the transaction ends: publication and edits never interleave. */
    public Uni<Advisory> lock(UUID id) {
        return getSession()
                .chain(
                        session ->
                                session.find(
                                        Advisory.class,
                                        id,
                                        org.hibernate.LockMode.PESSIMISTIC_WRITE));
    }

    /** One page, newest first; only the given programs' when {@code programs} is present. */
    public Uni<List<Advisory>> listPage(Optional<Set<String>> programs, int page, int size) {
        Sort order = Sort.descending("createdAt");
        return programs.map(slugs -> find("programSlug in ?1", order, slugs))
                .orElseGet(() -> findAll(order))
                .page(Page.of(page, size))
                .list();
    }

    /** The next number of the public id sequence. */
    public Uni<Long> nextNumber() {
        return getSession()
                .chain(
                        session ->
                                session.createNativeQuery(
                                                "SELECT nextval('advisory_number')", Long.class)
                                        .getSingleResult());
    }
}
