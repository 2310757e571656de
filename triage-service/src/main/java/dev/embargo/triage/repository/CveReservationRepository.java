package dev.embargo.triage.repository;

import dev.embargo.triage.domain.CveReservation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class CveReservationRepository implements PanacheRepositoryBase<CveReservation, String> {

    /** The program's pool, every state, by ID. */
    public Uni<List<CveReservation>> ofProgram(String programSlug) {
        return find("programSlug", Sort.ascending("cveId"), programSlug).list();
    }

    /** The ID, locked until the caller's transaction ends; null when nobody reserved it. */
    public Uni<CveReservation> lock(String cveId) {
        return findById(cveId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The program's lowest free ID, locked; a concurrent assignment takes the next one rather than
     * wait. Null when the pool is empty.
     */
    public Uni<CveReservation> claimFree(String programSlug) {
        return getSession()
                .chain(
                        session ->
                                session.createNativeQuery(
                                                "SELECT * FROM cve_reservation WHERE program_slug ="
                                                        + " :slug AND state = 'reserved' ORDER BY"
                                                        + " cve_id LIMIT 1 FOR UPDATE SKIP LOCKED",
                                                CveReservation.class)
                                        .setParameter("slug", programSlug)
                                        .getResultList())
                .map(found -> found.isEmpty() ? null : found.get(0));
    }
}
