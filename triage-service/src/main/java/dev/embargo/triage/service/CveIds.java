package dev.embargo.triage.service;

import dev.embargo.contracts.program.CveIdRejected;
import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseCveRejected;
import dev.embargo.contracts.report.CveRecordPublished;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.security.StaffScope;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.deadline.Step;
import dev.embargo.triage.domain.CveReservation;
import dev.embargo.triage.domain.ProgramObligations;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CveReservationRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * CVE IDs by the program's CVE route. An own CNA keeps a pool of reserved IDs: imported or reserved
 * one by one, assigned to a case by a coordinator, rejected with a reason when unused (CNA rule
 * 4.5.3.5). Other routes record whom the team asked and the ID when it arrives. Every change is
 * audited; an assignment or any rejection is announced, so the reporter hears of an assignment
 * (rule 4.3.3) and advisory writes the record.
 */
@ApplicationScoped
public class CveIds {

    /** The CVE ID syntax of the CVE Program: year, then four or more digits. */
    public static final Pattern CVE_ID = Pattern.compile("CVE-[0-9]{4}-[0-9]{4,19}");

    private static final String OTHER_ASSIGNER = "other-assigner";

    private final LockedCases cases;
    private final CveReservationRepository pool;
    private final ProgramRegistry programs;
    private final CaseTimeline timeline;
    private final CaseDeadlines deadlines;
    private final CaseAudit audit;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final StaffScope scope;
    private final TriageClock clock;

    CveIds(
            LockedCases cases,
            CveReservationRepository pool,
            ProgramRegistry programs,
            CaseTimeline timeline,
            CaseDeadlines deadlines,
            CaseAudit audit,
            Outbox outbox,
            FieldCipher cipher,
            StaffScope scope,
            TriageClock clock) {
        this.cases = cases;
        this.pool = pool;
        this.programs = programs;
        this.timeline = timeline;
        this.deadlines = deadlines;
        this.audit = audit;
        this.outbox = outbox;
        this.cipher = cipher;
        this.scope = scope;
        this.clock = clock;
    }

    /** The program's reserved IDs, every state. */
    public Uni<List<CveReservation>> pool(String programSlug) {
        visibleProgram(programSlug);
        return Transactions.inSession(() -> pool.ofProgram(programSlug));
    }

    /**
     * Adds reserved IDs to an own CNA's pool (a list imported from CVE Services, or one reserved
     * there). An ID already known is refused, the whole list with it.
     */
    public Uni<List<CveReservation>> reserve(
            String programSlug, List<String> cveIds, String actor) {
        visibleProgram(programSlug);
        cveIds.forEach(CveIds::checkSyntax);
        if (cveIds.stream().distinct().count() != cveIds.size()) {
            throw conflict("duplicate-cve-id", "The list names an ID twice.");
        }
        return Transactions.inTransaction(
                () ->
                        ownCna(programSlug)
                                .chain(
                                        () ->
                                                Multi.createFrom()
                                                        .iterable(cveIds)
                                                        .onItem()
                                                        .transformToUniAndConcatenate(
                                                                cveId ->
                                                                        reserveOne(
                                                                                programSlug,
                                                                                cveId,
                                                                                actor))
                                                        .collect()
                                                        .asList()));
    }

    /**
     * Rejects a reserved ID no case will use (CNA rule 4.5.3.5), with the reason, and announces it
     * ({@code cve.id.rejected}) so that advisory files the REJECTED record.
     */
    public Uni<CveReservation> rejectUnused(
            String programSlug, String cveId, String reason, String actor) {
        visibleProgram(programSlug);
        return Transactions.inTransaction(
                () ->
                        pool.lock(cveId)
                                .map(
                                        found -> {
                                            if (found == null
                                                    || !found.programSlug.equals(programSlug)) {
                                                throw new ProblemException(
                                                        Problem.of(
                                                                Response.Status.NOT_FOUND,
                                                                "Program "
                                                                        + programSlug
                                                                        + " reserved no "
                                                                        + cveId
                                                                        + "."));
                                            }
                                            if (!CveReservation.RESERVED.equals(found.state)) {
                                                throw conflict(
                                                        "cve-id-not-free",
                                                        cveId
                                                                + " is "
                                                                + found.state
                                                                + "; reject an assigned ID on its"
                                                                + " case.");
                                            }
                                            found.state = CveReservation.REJECTED;
                                            found.sealedRejectionReason = cipher.seal(reason);
                                            found.rejectedAt = clock.nowUtc();
                                            return found;
                                        })
                                .call(
                                        rejected ->
                                                outbox.stage(
                                                        new CveIdRejected(
                                                                programSlug,
                                                                cveId,
                                                                rejected.sealedRejectionReason,
                                                                actor,
                                                                rejected.rejectedAt.toInstant()))));
    }

    /**
     * Assigns an own CNA's reserved ID to the case: the one named, or the lowest free one when none
     * is. The CNA clock runs from the case's public disclosure from now on.
     */
    public Uni<VulnerabilityCase> assign(UUID caseId, String cveId, String actor) {
        if (cveId != null) {
            checkSyntax(cveId);
        }
        return cases.changeUnderObligations(
                caseId,
                (vulnerabilityCase, program) -> {
                    requireRoute(program, ProgramObligations.OWN_CNA.equals(program.route()));
                    requireNoId(vulnerabilityCase);
                    Uni<CveReservation> chosen =
                            cveId == null
                                    ? pool.claimFree(vulnerabilityCase.programSlug)
                                    : pool.lock(cveId);
                    return chosen.chain(
                            reservation -> {
                                if (reservation == null
                                        || !reservation.programSlug.equals(
                                                vulnerabilityCase.programSlug)
                                        || !CveReservation.RESERVED.equals(reservation.state)) {
                                    throw conflict(
                                            "no-free-cve-id",
                                            cveId == null
                                                    ? "Program "
                                                            + vulnerabilityCase.programSlug
                                                            + " has no free reserved CVE ID;"
                                                            + " reserve more first."
                                                    : cveId
                                                            + " is not a free reserved ID of"
                                                            + " program "
                                                            + vulnerabilityCase.programSlug
                                                            + ".");
                                }
                                reservation.state = CveReservation.ASSIGNED;
                                reservation.caseId = vulnerabilityCase.id;
                                return assigned(
                                        vulnerabilityCase,
                                        reservation.cveId,
                                        ProgramObligations.OWN_CNA,
                                        program.assigner(),
                                        reservation.reservedAt.toInstant(),
                                        actor);
                            });
                });
    }

    /** Records that the team asked another assigner (a parent CNA, MITRE, GitHub) for an ID. */
    public Uni<VulnerabilityCase> request(
            UUID caseId, String from, String reference, Instant requestedAt, String actor) {
        return cases.changeUnderObligations(
                caseId,
                (vulnerabilityCase, program) -> {
                    requireRoute(program, requestsIds(program));
                    requireNoId(vulnerabilityCase);
                    vulnerabilityCase.cveRequestedFrom = from;
                    vulnerabilityCase.cveRequestReference = reference;
                    vulnerabilityCase.cveRequestedAt =
                            (requestedAt == null ? clock.now() : requestedAt)
                                    .atOffset(ZoneOffset.UTC);
                    return audit.record(
                                    caseId,
                                    actor,
                                    "cve requested from " + from,
                                    reference == null ? null : "reference " + reference)
                            .replaceWith(vulnerabilityCase);
                });
    }

    /** Records the ID another assigner gave the case. */
    public Uni<VulnerabilityCase> recordArrived(UUID caseId, String cveId, String actor) {
        checkSyntax(cveId);
        return cases.changeUnderObligations(
                caseId,
                (vulnerabilityCase, program) -> {
                    requireRoute(program, requestsIds(program));
                    requireNoId(vulnerabilityCase);
                    String assigner =
                            vulnerabilityCase.cveRequestedFrom != null
                                    ? vulnerabilityCase.cveRequestedFrom
                                    : program.assigner();
                    // The assigner reserved the ID; when is theirs to know.
                    return assigned(
                            vulnerabilityCase,
                            cveId,
                            program.route() == null ? OTHER_ASSIGNER : program.route(),
                            assigner,
                            null,
                            actor);
                });
    }

    /**
     * Rejects the case's ID (a duplicate, not a vulnerability, assigned in error): an own CNA's
     * reservation becomes rejected with the reason, and the case has no ID again.
     */
    public Uni<VulnerabilityCase> reject(UUID caseId, String reason, String actor) {
        return cases.changeUnderObligations(
                caseId,
                (vulnerabilityCase, program) -> {
                    String cveId = vulnerabilityCase.cveId;
                    if (cveId == null) {
                        throw conflict("no-cve-id", "The case has no CVE ID to reject.");
                    }
                    Uni<Void> released =
                            ProgramObligations.OWN_CNA.equals(vulnerabilityCase.cveRoute)
                                    ? pool.lock(cveId)
                                            .invoke(
                                                    reservation -> {
                                                        reservation.state = CveReservation.REJECTED;
                                                        reservation.sealedRejectionReason =
                                                                cipher.seal(reason);
                                                        reservation.rejectedAt = clock.nowUtc();
                                                    })
                                            .replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                    vulnerabilityCase.cveId = null;
                    vulnerabilityCase.cveRoute = null;
                    vulnerabilityCase.cveAssignedAt = null;
                    return released.chain(
                                    () ->
                                            audit.record(
                                                    caseId, actor, "cve rejected " + cveId, reason))
                            .chain(() -> timeline.replan(vulnerabilityCase))
                            .chain(
                                    () ->
                                            outbox.stage(
                                                    new CaseCveRejected(
                                                            vulnerabilityCase.reportId.toString(),
                                                            caseId.toString(),
                                                            vulnerabilityCase.trackingId,
                                                            vulnerabilityCase.programSlug,
                                                            cveId,
                                                            cipher.seal(reason),
                                                            actor,
                                                            clock.now())))
                            .replaceWith(vulnerabilityCase);
                });
    }

    /**
     * Advisory reports that CVE Services accepted the case's record: the CNA clock is kept (or
     * late, which the metrics count). A record of another ID than the case's changes nothing.
     */
    public Uni<Void> recordPublished(CveRecordPublished published) {
        return cases.lockOfReport(UUID.fromString(published.reportId()))
                .chain(
                        vulnerabilityCase -> {
                            if (vulnerabilityCase == null
                                    || !"PUBLISHED".equals(published.recordState())
                                    || !published.cveId().equals(vulnerabilityCase.cveId)
                                    || vulnerabilityCase.cveRecordPublishedAt != null) {
                                return Uni.createFrom().voidItem();
                            }
                            vulnerabilityCase.cveRecordPublishedAt =
                                    published.publishedAt().atOffset(ZoneOffset.UTC);
                            return audit.record(
                                            vulnerabilityCase.id,
                                            CaseAudit.SYSTEM,
                                            "cve record published " + published.cveId(),
                                            null)
                                    .chain(
                                            () ->
                                                    deadlines.done(
                                                            vulnerabilityCase,
                                                            EnumSet.of(
                                                                    Step.CVE_RECORD_TARGET,
                                                                    Step.CVE_RECORD),
                                                            published.publishedAt()));
                        });
    }

    private Uni<VulnerabilityCase> assigned(
            VulnerabilityCase vulnerabilityCase,
            String cveId,
            String route,
            String assigner,
            Instant reservedAt,
            String actor) {
        Instant now = clock.now();
        vulnerabilityCase.cveId = cveId;
        vulnerabilityCase.cveRoute = route;
        vulnerabilityCase.cveAssignedAt = now.atOffset(ZoneOffset.UTC);
        return audit.record(
                        vulnerabilityCase.id,
                        actor,
                        "cve assigned " + cveId,
                        assigner == null ? route : route + ", " + assigner)
                .chain(() -> timeline.replan(vulnerabilityCase))
                .chain(
                        () ->
                                outbox.stage(
                                        new CaseCveAssigned(
                                                vulnerabilityCase.reportId.toString(),
                                                vulnerabilityCase.id.toString(),
                                                vulnerabilityCase.trackingId,
                                                vulnerabilityCase.programSlug,
                                                cveId,
                                                route,
                                                assigner,
                                                reservedAt,
                                                actor,
                                                now)))
                .replaceWith(vulnerabilityCase);
    }

    private Uni<CveReservation> reserveOne(String programSlug, String cveId, String actor) {
        return pool.findById(cveId)
                .chain(
                        known -> {
                            if (known != null) {
                                throw conflict(
                                        "duplicate-cve-id",
                                        cveId
                                                + " is already in the pool of "
                                                + known.programSlug
                                                + ".");
                            }
                            CveReservation reservation = new CveReservation();
                            reservation.cveId = cveId;
                            reservation.programSlug = programSlug;
                            reservation.state = CveReservation.RESERVED;
                            reservation.reservedBy = actor;
                            reservation.reservedAt = clock.nowUtc();
                            return pool.persist(reservation);
                        });
    }

    /** The case locked, with what its program says of CVE IDs, in one transaction. */
    private Uni<Void> ownCna(String programSlug) {
        return programs.obligationsOf(programSlug)
                .invoke(
                        program ->
                                requireRoute(
                                        program,
                                        ProgramObligations.OWN_CNA.equals(program.route())))
                .replaceWithVoid();
    }

    /** Any route but an own CNA's pool and "none"; a program that does not say may record one. */
    private static boolean requestsIds(ProgramObligations program) {
        return !ProgramObligations.OWN_CNA.equals(program.route())
                && !ProgramObligations.NONE.equals(program.route());
    }

    private static void requireRoute(ProgramObligations program, boolean allowed) {
        if (!allowed) {
            throw conflict(
                    "cve-route",
                    "The program's CVE route is "
                            + (program.route() == null ? "not stated" : program.route())
                            + ": "
                            + (ProgramObligations.OWN_CNA.equals(program.route())
                                    ? "assign an ID from its reserved pool."
                                    : ProgramObligations.NONE.equals(program.route())
                                            ? "it does not get CVE IDs."
                                            : "record the request and the ID that arrives."));
        }
    }

    private static void requireNoId(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.cveId != null) {
            throw conflict(
                    "cve-id-assigned",
                    "The case already has "
                            + vulnerabilityCase.cveId
                            + "; reject it first to give it another.");
        }
    }

    private void visibleProgram(String programSlug) {
        if (!scope.covers(programSlug)) {
            throw new ProblemException(
                    Problem.of(Response.Status.NOT_FOUND, "No program " + programSlug + "."));
        }
    }

    private static void checkSyntax(String cveId) {
        if (cveId == null || !CVE_ID.matcher(cveId).matches()) {
            throw new ProblemException(
                    new Problem(
                            "about:blank",
                            "Bad Request",
                            400,
                            "Not a CVE ID: '" + cveId + "'.",
                            List.of(
                                    new Problem.FieldError(
                                            "cveId", "CVE-YYYY-NNNN (four or more digits)"))));
        }
    }

    private static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.typed(slug, 409, "Conflict", detail));
    }
}
