package dev.embargo.triage.repository;

import dev.embargo.triage.domain.CaseWait;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseWaitRepository implements PanacheRepositoryBase<CaseWait, UUID> {

    private static final String CLAIM_DUE =
            """
            SELECT * FROM case_wait
            WHERE closed_at IS NULL AND ((reminded_at IS NULL AND remind_at <= :now) OR close_at <= :now)
            ORDER BY remind_at LIMIT :limit FOR UPDATE SKIP LOCKED\
            """;

    /**
     * Waits with a reminder or a close due at {@code now}, locked for the caller's transaction;
     * other replicas skip them, so each reminder and close happens once.
     */
    public Uni<List<CaseWait>> claimDue(OffsetDateTime now, int limit) {
        return getSession()
                .chain(
                        session ->
                                session.createNativeQuery(CLAIM_DUE, CaseWait.class)
                                        .setParameter("now", now)
                                        .setParameter("limit", limit)
                                        .getResultList());
    }
}
