package dev.embargo.triage.service;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.security.StaffScope;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.domain.ProgramObligations;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Every change of a case happens with its row locked (so audit lines chain in order and two staff
 * members cannot both win), and the ones that touch dates under the policy revision the report
 * arrived with.
 */
@ApplicationScoped
public class LockedCases {

    private final CaseRepository cases;
    private final ProgramRegistry programs;
    private final StaffScope scope;

    LockedCases(CaseRepository cases, ProgramRegistry programs, StaffScope scope) {
        this.cases = cases;
        this.programs = programs;
        this.scope = scope;
    }

    /**
     * The case, locked until the caller's transaction ends; a 404 problem when there is none the
     * caller may see.
     */
    public Uni<VulnerabilityCase> lock(UUID caseId) {
        return cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                .map(found -> visible(found, caseId));
    }

    /**
     * The case of a report, locked, for work no staff member asked for (events); null when there is
     * none yet.
     */
    public Uni<VulnerabilityCase> lockOfReport(UUID reportId) {
        return cases.find("reportId", reportId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /**
     * The case found, if the calling staff member may see it; a 404 problem otherwise, the same
     * whether the case does not exist or belongs to a program outside the caller's.
     */
    public VulnerabilityCase visible(VulnerabilityCase found, UUID caseId) {
        if (found == null || !covers(found)) {
            throw new ProblemException(
                    Problem.of(Response.Status.NOT_FOUND, "No case " + caseId + "."));
        }
        return found;
    }

    /** Whether the calling staff member may see the case (its program is in their scope). */
    public boolean covers(VulnerabilityCase vulnerabilityCase) {
        return scope.covers(vulnerabilityCase.programSlug);
    }

    /**
     * Runs {@code change} in a transaction, with the case locked and its program at the case's
     * revision.
     */
    public <T> Uni<T> changeUnderPolicy(
            UUID caseId, BiFunction<VulnerabilityCase, Program, Uni<T>> change) {
        return Transactions.inTransaction(
                () ->
                        lock(caseId)
                                .chain(
                                        locked ->
                                                programs.programAt(
                                                                locked.programSlug,
                                                                locked.programRevision == null
                                                                        ? 1
                                                                        : locked.programRevision)
                                                        .chain(
                                                                program ->
                                                                        change.apply(
                                                                                locked, program))));
    }

    /**
     * Runs {@code change} in a transaction, with the case locked and what its program (the revision
     * in force) says of CVE IDs and the EU market.
     */
    public <T> Uni<T> changeUnderObligations(
            UUID caseId, BiFunction<VulnerabilityCase, ProgramObligations, Uni<T>> change) {
        return Transactions.inTransaction(
                () ->
                        lock(caseId)
                                .chain(
                                        locked ->
                                                programs.obligationsOf(locked.programSlug)
                                                        .chain(
                                                                program ->
                                                                        change.apply(
                                                                                locked, program))));
    }
}
