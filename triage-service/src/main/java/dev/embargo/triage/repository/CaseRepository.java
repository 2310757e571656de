package dev.embargo.triage.repository;

import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.VulnerabilityCase;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<VulnerabilityCase, UUID> {

    /**
     * pg_trgm's similarity over the keyed trigram hashes: shared over all; GIN narrows to cases
     * sharing any.
     */
    private static final String SIMILAR =
            """
            SELECT candidate.id, candidate.similarity FROM (
                SELECT c.id, c.opened_at,
                       CAST((SELECT count(*) FROM (SELECT unnest(c.text_fingerprint) INTERSECT SELECT unnest(t.text_fingerprint)) s)
                            AS float8)
                       / (SELECT count(*) FROM (SELECT unnest(c.text_fingerprint) UNION SELECT unnest(t.text_fingerprint)) u)
                       AS similarity
                FROM vulnerability_case c, vulnerability_case t
                WHERE t.id = :id AND c.id <> t.id AND c.program_slug = t.program_slug
                  AND c.text_fingerprint && t.text_fingerprint) candidate
            WHERE candidate.similarity >= :threshold
            ORDER BY candidate.similarity DESC, candidate.opened_at LIMIT :limit\
            """;

    /**
     * Cases of the same program whose text is at least {@code threshold} similar, most similar
     * first.
     */
    public Uni<List<Similarity>> similarTo(UUID caseId, double threshold, int limit) {
        return getSession()
                .chain(
                        session ->
                                session.createNativeQuery(SIMILAR, Object[].class)
                                        .setParameter("id", caseId)
                                        .setParameter("threshold", threshold)
                                        .setParameter("limit", limit)
                                        .getResultList())
                .map(
                        rows ->
                                rows.stream()
                                        .map(
                                                row ->
                                                        new Similarity(
                                                                (UUID) row[0],
                                                                ((Number) row[1]).doubleValue()))
                                        .toList());
    }

    /** Cases marked duplicate of {@code caseId}, first reported first. */
    public Uni<List<VulnerabilityCase>> duplicatesOf(UUID caseId) {
        return find("duplicateOf", Sort.ascending("submittedAt"), caseId).list();
    }

    /** A case by its tracking id. */
    public Uni<VulnerabilityCase> findByTrackingId(String trackingId) {
        return find("trackingId", trackingId).firstResult();
    }

    /** How alike another case's text is, 0 to 1. */
    public record Similarity(UUID caseId, double similarity) {}

    public Uni<VulnerabilityCase> findByReportId(UUID reportId) {
        return find("reportId", reportId).firstResult();
    }

    /**
     * Cases matching every filter given (empty filters match all) of the programs in scope (empty:
     * all), newest first.
     */
    public Uni<List<VulnerabilityCase>> search(
            CaseFilter filter,
            java.util.Optional<java.util.Set<String>> programsInScope,
            int page,
            int size) {
        StringBuilder query = new StringBuilder("from VulnerabilityCase c where 1 = 1");
        Parameters parameters = new Parameters();
        filter.program()
                .ifPresent(
                        program -> {
                            query.append(" and c.programSlug = :program");
                            parameters.and("program", program);
                        });
        filter.state()
                .ifPresent(
                        state -> {
                            query.append(" and c.state = :state");
                            parameters.and("state", state);
                        });
        filter.severity()
                .ifPresent(
                        severity -> {
                            query.append(" and c.severity = :severity");
                            parameters.and("severity", severity);
                        });
        filter.owner()
                .ifPresent(
                        owner -> {
                            query.append(" and c.owner = :owner");
                            parameters.and("owner", owner);
                        });
        programsInScope.ifPresent(
                programs -> {
                    query.append(" and c.programSlug in :inScope");
                    parameters.and("inScope", programs);
                });
        if (filter.spamSuspected()) {
            query.append(" and c.spamSignals is not null");
        }
        if (filter.overdue()) {
            query.append(
                    " and exists (from CaseDeadline d where d.caseId = c.id and d.breachedAt is not"
                            + " null and d.settledAt is null)");
        }
        if (filter.escalated()) {
            query.append(
                    " and exists (from CaseEscalation e where e.caseId = c.id and exists (from"
                            + " CaseDeadline d where d.caseId = c.id and d.step = e.step and"
                            + " d.settledAt is null))");
        }
        return find(query.toString(), Sort.descending("openedAt").and("trackingId"), parameters)
                .page(Page.of(page, size))
                .list();
    }

    /**
     * What the case queue is filtered by; empty means any; overdue: only cases with a deadline
     * breached and not yet met; spamSuspected: only cases with spam signals; escalated: only cases
     * with a step the reporter escalated still open.
     */
    public record CaseFilter(
            java.util.Optional<String> program,
            java.util.Optional<CaseState> state,
            java.util.Optional<String> severity,
            java.util.Optional<String> owner,
            boolean overdue,
            boolean spamSuspected,
            boolean escalated) {}
}
