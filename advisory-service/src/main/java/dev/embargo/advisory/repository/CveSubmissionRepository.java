package dev.embargo.advisory.repository;

import dev.embargo.advisory.domain.CveSubmission;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CveSubmissionRepository implements PanacheRepositoryBase<CveSubmission, UUID> {

    /** Pending submissions whose attempt is due, locked: each is sent by one replica only. */
    private static final String CLAIM_DUE =
            """
            SELECT * FROM cve_submission
             WHERE status = 'PENDING' AND next_attempt_at <= :now
             ORDER BY next_attempt_at
             LIMIT :limit
             FOR UPDATE SKIP LOCKED\
            """;

    public Uni<List<CveSubmission>> claimDue(OffsetDateTime now, int limit) {
        return getSession()
                .chain(
                        session ->
                                session.createNativeQuery(CLAIM_DUE, CveSubmission.class)
                                        .setParameter("now", now)
                                        .setParameter("limit", limit)
                                        .getResultList());
    }

    /** Whether CVE Services already holds a record for the id (an update then replaces it). */
    public Uni<Boolean> submittedBefore(String cveId) {
        return count("cveId = ?1 and status = ?2", cveId, CveSubmission.Status.SUBMITTED)
                .map(count -> count > 0);
    }

    public Uni<List<CveSubmission>> ofAdvisory(UUID advisoryId) {
        return list("advisoryId", Sort.ascending("createdAt"), advisoryId);
    }
}
