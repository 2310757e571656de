package dev.embargo.triage.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.report.CaseSeverityChanged;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportAcknowledged.PromisedDate;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.policy.deadline.CaseFacts;
import dev.embargo.policy.deadline.DeadlineEngine;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.Program;
import dev.embargo.policy.model.VersionSupport;
import dev.embargo.triage.domain.AuditChain;
import dev.embargo.triage.domain.CaseAuditEntry;
import dev.embargo.triage.domain.CaseLifecycle;
import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.CvssScore;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Opens cases from reports and answers staff questions about them. */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final ProgramRegistry programs;
    private final ObjectMapper json;
    private final CaseAudit audit;
    private final CaseMetrics metrics;
    private final DeadlineEngine deadlines = new DeadlineEngine();

    CaseService(CaseRepository cases, Outbox outbox, FieldCipher cipher, ProgramRegistry programs, ObjectMapper json,
            CaseAudit audit, CaseMetrics metrics) {
        this.cases = cases;
        this.audit = audit;
        this.metrics = metrics;
        this.outbox = outbox;
        this.cipher = cipher;
        this.programs = programs;
        this.json = json;
    }

    /**
     * Opens the report's case under the policy revision in force when the report arrived, and
     * acknowledges it with the dates that policy promises, staging {@code report.acknowledged} in
     * the caller's transaction. A report that already has a case (the same report announced
     * twice) changes nothing and is not acknowledged again.
     */
    public Uni<Void> openAndAcknowledge(ReportSubmitted report) {
        UUID reportId = UUID.fromString(report.reportId());
        return cases.findByReportId(reportId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            return programs.programAt(report.programSlug(), report.programRevision()).chain(program -> {
                List<PromisedDate> promised = program == null ? List.of()
                        : promisedDates(program, report.submittedAt(), null);
                VulnerabilityCase opened = open(report, reportId);
                opened.programRevision = report.programRevision();
                opened.affectedVersion = report.affectedVersion();
                opened.versionSupport = program == null ? VersionSupport.UNKNOWN
                        : VersionSupport.of(program.policy().supportedVersions(), report.affectedVersion());
                opened.promisedDates = write(promised);
                return cases.persist(opened)
                        .chain(() -> audit.record(opened.id, CaseAudit.SYSTEM, "opened under program " + opened.programSlug
                                + " revision " + opened.programRevision + ", acknowledged", null))
                        .chain(() -> outbox.stage(new ReportAcknowledged(report.reportId(), opened.trackingId,
                                opened.programSlug, opened.id.toString(), opened.acknowledgedAt.toInstant(), promised)))
                        .invoke(() -> metrics.acknowledged(opened, promised))
                        .replaceWithVoid();
            });
        });
    }

    /** The case's promised dates, as stored with it. */
    public List<PromisedDate> promisedDates(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.promisedDates == null) {
            return List.of();
        }
        try {
            return json.readValue(vulnerabilityCase.promisedDates, new TypeReference<List<PromisedDate>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Case " + vulnerabilityCase.id + " holds unreadable dates", e);
        }
    }

    private List<PromisedDate> promisedDates(Program program, Instant arrivedAt, String severity) {
        return deadlines.timeline(program, CaseFacts.arrivedAt(arrivedAt).withSeverity(severity)).stream()
                .map(due -> new PromisedDate(due.step().name().toLowerCase(Locale.ROOT), due.due(),
                        due.promised() == null ? null : due.promised().toString()))
                .toList();
    }

    private String write(List<PromisedDate> promised) {
        try {
            return json.writeValueAsString(promised);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Promised dates always serialize", e);
        }
    }

    /**
     * Moves a case to {@code to} if its lifecycle allows it: the new state, its audit line and
     * {@code case.state.changed} are written in one transaction. An illegal move answers 409 with
     * the moves that are allowed.
     */
    public Uni<VulnerabilityCase> transition(UUID caseId, CaseState to, String reason, String actor) {
        return Panache.withTransaction(() -> cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            VulnerabilityCase vulnerabilityCase = existing(found, caseId);
            CaseState from = vulnerabilityCase.state;
            if (!CaseLifecycle.allows(from, to)) {
                String allowed = CaseLifecycle.allowedFrom(from).stream().map(CaseState::wireName)
                        .collect(java.util.stream.Collectors.joining(", "));
                throw new ProblemException(new Problem("https://embargo.dev/problems/illegal-transition",
                        "Illegal transition", 409, "A case in state " + from.wireName() + " cannot move to " + to.wireName()
                        + "; it may move to: " + (allowed.isEmpty() ? "nothing (closed)" : allowed) + ".",
                        List.of(new Problem.FieldError("to", "allowed: [" + allowed + "]"))));
            }
            vulnerabilityCase.state = to;
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return audit.record(caseId, actor, "state " + from.wireName() + " -> " + to.wireName(), reason)
                    .chain(() -> outbox.stage(new CaseStateChanged(vulnerabilityCase.reportId.toString(), caseId.toString(),
                            vulnerabilityCase.trackingId, vulnerabilityCase.programSlug, from.wireName(), to.wireName(), actor,
                            reason == null || reason.isBlank() ? null : cipher.seal(reason), now)))
                    .invoke(() -> {
                        if (endsTriage(from, to)) {
                            metrics.triaged(vulnerabilityCase, promisedDates(vulnerabilityCase), now);
                        }
                    })
                    .replaceWith(vulnerabilityCase);
        }));
    }

    /** Triage ends with its decision: the case leaves acknowledged or triaging for anything but more triage. */
    private static boolean endsTriage(CaseState from, CaseState to) {
        return (from == CaseState.ACKNOWLEDGED || from == CaseState.TRIAGING)
                && to != CaseState.TRIAGING && to != CaseState.NEEDS_INFO;
    }

    /**
     * Scores a case: from a CVSS vector (its base score mapped to the program's level, unless
     * staff name the level) or from a named level alone. The promised dates are recomputed under
     * the case's own policy revision; the change, its audit line and {@code case.severity.changed}
     * are written in one transaction.
     */
    public Uni<VulnerabilityCase> assessSeverity(UUID caseId, String cvssVector, String level, String actor) {
        CvssScore score;
        try {
            score = cvssVector == null || cvssVector.isBlank() ? null : CvssScore.parse(cvssVector);
        } catch (IllegalArgumentException e) {
            throw invalid("cvssVector", e.getMessage());
        }
        if (score == null && (level == null || level.isBlank())) {
            throw invalid("cvssVector", "give a CVSS vector, a severity level, or both");
        }
        return Panache.withTransaction(() -> cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            VulnerabilityCase vulnerabilityCase = existing(found, caseId);
            return programs.programAt(vulnerabilityCase.programSlug, vulnerabilityCase.programRevision == null ? 1
                    : vulnerabilityCase.programRevision).chain(program -> {
                DisclosurePolicy.SeverityScheme scheme = program.policy().severity();
                String severity = level != null && !level.isBlank() ? level
                        : scheme.levelForScore(score.baseScore()).orElseThrow(() -> invalid("level",
                                "this program's levels are not CVSS bands (or the score is 0): name the level"));
                if (!scheme.hasLevel(severity)) {
                    throw invalid("level", "'" + severity + "' is not one of this program's levels");
                }
                List<PromisedDate> promised = promisedDates(program, vulnerabilityCase.submittedAt.toInstant(), severity);
                vulnerabilityCase.severity = severity;
                vulnerabilityCase.cvssVector = score == null ? null : score.vector();
                vulnerabilityCase.cvssScore = score == null ? null : score.baseScore();
                vulnerabilityCase.promisedDates = write(promised);
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                return audit.record(caseId, actor, "severity " + severity
                                + (score == null ? "" : " (CVSS " + score.baseScore() + " " + score.vector() + ")"), null)
                        .chain(() -> outbox.stage(new CaseSeverityChanged(vulnerabilityCase.reportId.toString(),
                                caseId.toString(), vulnerabilityCase.trackingId, vulnerabilityCase.programSlug, severity,
                                vulnerabilityCase.cvssVector, vulnerabilityCase.cvssScore, actor, promised, now)))
                        .replaceWith(vulnerabilityCase);
            });
        }));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(new Problem("about:blank", "Bad Request", 400, "The severity cannot be set.",
                List.of(new Problem.FieldError(field, message))));
    }

    public Uni<VulnerabilityCase> findCase(UUID caseId) {
        return Panache.withSession(() -> cases.findById(caseId)).map(found -> existing(found, caseId));
    }

    public Uni<List<CaseAuditEntry>> auditTrail(UUID caseId) {
        return Panache.withSession(() -> cases.findById(caseId)
                .chain(found -> audit.forCase(existing(found, caseId).id)));
    }

    /** Whether the case's audit log verifies: the position of the first broken line, or -1. */
    public Uni<AuditVerification> verifyAudit(UUID caseId) {
        return auditTrail(caseId).map(log -> new AuditVerification(log.size(), AuditChain.firstBrokenLine(log)));
    }

    /** The outcome of checking a case's audit chain. */
    public record AuditVerification(int lines, int firstBrokenLine) {
        public boolean intact() {
            return firstBrokenLine < 0;
        }
    }

    /** An audit line's detail, opened for staff. */
    public String auditDetail(CaseAuditEntry entry) {
        return audit.detailOf(entry);
    }

    private static VulnerabilityCase existing(VulnerabilityCase found, UUID caseId) {
        if (found == null) {
            throw new ProblemException(Problem.of(jakarta.ws.rs.core.Response.Status.NOT_FOUND, "No case " + caseId + "."));
        }
        return found;
    }

    public Uni<List<VulnerabilityCase>> listCases(CaseRepository.CaseFilter filter, int page, int size) {
        return Panache.withSession(() -> cases.search(filter, page, size));
    }

    /** Gives the case an owner (or none), with an audit line. */
    public Uni<VulnerabilityCase> assignOwner(UUID caseId, String owner, String actor) {
        String newOwner = owner == null || owner.isBlank() ? null : owner.strip();
        return Panache.withTransaction(() -> cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            VulnerabilityCase vulnerabilityCase = existing(found, caseId);
            String before = vulnerabilityCase.owner;
            vulnerabilityCase.owner = newOwner;
            return audit.record(caseId, actor, "owner " + (before == null ? "none" : before) + " -> "
                    + (newOwner == null ? "none" : newOwner), null).replaceWith(vulnerabilityCase);
        }));
    }

    /** Opens a sealed field for staff. */
    public String open(String sealed) {
        return sealed == null ? null : cipher.open(sealed);
    }

    private static VulnerabilityCase open(ReportSubmitted report, UUID reportId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        VulnerabilityCase opened = new VulnerabilityCase();
        opened.id = UUID.randomUUID();
        opened.reportId = reportId;
        opened.trackingId = report.trackingId();
        opened.programSlug = report.programSlug();
        opened.sealedTitle = report.sealedTitle();
        opened.sealedDescription = report.sealedDescription();
        opened.creditName = report.creditName();
        opened.submittedAt = report.submittedAt().atOffset(ZoneOffset.UTC);
        opened.openedAt = now.atOffset(ZoneOffset.UTC);
        // Triage acknowledges on arrival; the policy's acknowledgement deadline is the promise it keeps.
        opened.state = CaseState.ACKNOWLEDGED;
        opened.acknowledgedAt = opened.openedAt;
        return opened;
    }
}
