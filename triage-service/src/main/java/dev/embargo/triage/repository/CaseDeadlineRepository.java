package dev.embargo.triage.repository;

import dev.embargo.triage.domain.CaseDeadline;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseDeadlineRepository implements PanacheRepositoryBase<CaseDeadline, UUID> {

    private static final String CLAIM_DUE =
            """
            SELECT * FROM case_deadline
            WHERE settled_at IS NULL AND NOT paused AND (
                (update_every IS NOT NULL AND due_at <= :now)
                OR (update_every IS NULL AND ((warned_at IS NULL AND warn_at <= :now) OR (firm AND breached_at IS NULL AND due_at <= :now))))
            ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED\
            """;

    /** The case's deadlines, oldest due first. */
    public Uni<List<CaseDeadline>> forCase(UUID caseId) {
        return find("caseId", Sort.ascending("dueAt"), caseId).list();
    }

    /** The deadlines not yet met of the given cases, earliest due first. */
    public Uni<List<CaseDeadline>> openFor(java.util.Collection<UUID> caseIds) {
        return caseIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : find("caseId in ?1 and settledAt is null", Sort.ascending("dueAt"), caseIds)
                        .list();
    }

    /**
     * The case's deadlines, locked until the caller's transaction ends. If the scheduler is
     * announcing one of them, this waits and then reads what the scheduler wrote.
     */
    public Uni<List<CaseDeadline>> lockForCase(UUID caseId) {
        return find("caseId", caseId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Open deadlines with something due at {@code now} (a warning, a breach of a firm deadline, a
     * status update), locked for the caller's transaction; other replicas skip them, so each is
     * announced once.
     */
    public Uni<List<CaseDeadline>> claimDue(OffsetDateTime now, int limit) {
        return getSession()
                .chain(
                        session ->
                                session.createNativeQuery(CLAIM_DUE, CaseDeadline.class)
                                        .setParameter("now", now)
                                        .setParameter("limit", limit)
                                        .getResultList());
    }
}
