package dev.embargo.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportAcknowledged.PromisedDate;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.intake.domain.Report;
import dev.embargo.contracts.report.ReportStatus;
import dev.embargo.intake.repository.ProgramRepository;
import dev.embargo.intake.repository.ReportRepository;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Accepts reports and answers their reporters; the only writer of intake's report table. */
@ApplicationScoped
public class ReportService {

    private final ReportRepository reports;
    private final ProgramRepository programs;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final ReporterTokens tokens;
    private final ObjectMapper json;
    private final ProgramCatalog catalog;
    private final ReportAttachments attachments;
    private final ReporterKeys keys;

    ReportService(ReportRepository reports, ProgramRepository programs, Outbox outbox, FieldCipher cipher,
            ReporterTokens tokens, ObjectMapper json, ProgramCatalog catalog, ReportAttachments attachments,
            ReporterKeys keys) {
        this.keys = keys;
        this.attachments = attachments;
        this.catalog = catalog;
        this.json = json;
        this.reports = reports;
        this.programs = programs;
        this.outbox = outbox;
        this.cipher = cipher;
        this.tokens = tokens;
    }

    /**
     * Stores the report under its program's revision in force and stages {@code report.submitted}
     * in one transaction, so that an accepted report is always announced and an announced report
     * always exists.
     */
    public Uni<AcceptedReport> submit(NewReport submission) {
        return submit(submission, List.of());
    }

    /** The same, with files (already checked for count and size) kept with the report. */
    public Uni<AcceptedReport> submit(NewReport submission, List<IncomingFile> files) {
        files.forEach(attachments::typeOf);
        return reports.nextTrackingNumber().chain(number -> Transactions.inTransaction(() -> store(submission, files, number)));
    }

    /**
     * The next tracking number, taken before the transaction that stores the report: it comes from
     * another pooled connection, and waiting for one while holding one could starve the pool.
     */
    public Uni<Long> nextTrackingNumber() {
        return reports.nextTrackingNumber();
    }

    /**
     * Stores a report inside the caller's transaction (the email channel adds the mail's id to
     * it); files are kept as they come.
     */
    public Uni<AcceptedReport> store(NewReport submission, List<IncomingFile> files, long number) {
        String token = tokens.issue();
        return programs.findById(submission.program()).chain(program -> {
            if (program == null) {
                return Uni.createFrom().failure(new ProblemException(Problem.typed("unknown-program", 422,
                        "Unknown program", "No program named '%s' accepts reports here.".formatted(submission.program()))));
            }
            catalog.checkEncrypted(program, "description", submission.description());
            catalog.checkScopeClass(program, submission.scopeClass());
            if (submission.reporterPublicKey() != null) {
                keys.check(submission.reporterPublicKey());
            }
            Report report = newReport(submission, number, token);
            report.programRevision = program.revision;
            return reports.persist(report)
                    .chain(() -> attachments.keep(report, null, files))
                    .chain(() -> outbox.stage(submittedEvent(report)))
                    // After report.submitted: notify learns of the report before of its key.
                    .chain(() -> submission.reporterPublicKey() == null ? Uni.createFrom().voidItem()
                            : keys.provide(report, submission.reporterPublicKey()))
                    .replaceWith(new AcceptedReport(report, token));
        });
    }

    /**
     * The report behind a tracking id, if the token is its reporter's. A missing report and a
     * wrong token look the same to the caller, so tracking ids cannot be probed.
     */
    public Uni<Report> findForReporter(String trackingId, String token) {
        return Transactions.inSession(() -> reports.findByTrackingId(trackingId)).map(report -> tokens.authorise(report, token));
    }

    /**
     * Replaces the reporter's token (a token that leaked, a shared screen): the new one is
     * returned once, the old one stops working at once.
     */
    public Uni<String> rotateToken(String trackingId, String token) {
        return Transactions.inTransaction(() -> reports.findByTrackingId(trackingId).map(report -> {
            Report authorised = tokens.authorise(report, token);
            String fresh = tokens.issue();
            authorised.tokenHash = tokens.hash(fresh);
            authorised.updatedAt = Instant.now().atOffset(ZoneOffset.UTC);
            return fresh;
        }));
    }

    /** Records triage's acknowledgement; called inside the consumer's transaction. */
    public Uni<Void> markAcknowledged(ReportAcknowledged acknowledgement) {
        return reportOf(acknowledgement.reportId()).invoke(report -> {
            report.status = ReportStatus.ACKNOWLEDGED;
            report.acknowledgedAt = acknowledgement.acknowledgedAt().atOffset(ZoneOffset.UTC);
            report.promisedDates = writeJson(acknowledgement.promisedDates());
            report.updatedAt = Instant.now().atOffset(ZoneOffset.UTC);
        }).replaceWithVoid();
    }

    /** Follows the case's state in triage; called inside the consumer's transaction. */
    public Uni<Void> followCaseState(CaseStateChanged change) {
        return reportOf(change.reportId()).invoke(report -> {
            report.status = ReportStatus.forCaseState(change.to());
            report.updatedAt = Instant.now().atOffset(ZoneOffset.UTC);
        }).replaceWithVoid();
    }

    /** Shows the case's new promised dates (never the severity or the reason that moved them). */
    public Uni<Void> followPromisedDates(String reportId, List<PromisedDate> promised) {
        return reportOf(reportId).invoke(report -> {
            report.promisedDates = writeJson(promised);
            report.updatedAt = Instant.now().atOffset(ZoneOffset.UTC);
        }).replaceWithVoid();
    }

    private Uni<Report> reportOf(String reportId) {
        return reports.findById(UUID.fromString(reportId)).onItem().ifNull()
                .failWith(() -> new IllegalStateException("Event for unknown report " + reportId));
    }

    /** The dates promised to the reporter, as stored with the report. */
    public List<PromisedDate> promisedDates(Report report) {
        if (report.promisedDates == null) {
            return List.of();
        }
        try {
            return json.readValue(report.promisedDates, new TypeReference<List<PromisedDate>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Report " + report.trackingId + " holds unreadable dates", e);
        }
    }

    private String writeJson(List<PromisedDate> promised) {
        try {
            return json.writeValueAsString(promised);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Promised dates always serialize", e);
        }
    }

    /** Opens a sealed field of a report for its reporter or staff. */
    public String open(String sealed) {
        return sealed == null ? null : cipher.open(sealed);
    }

    private Report newReport(NewReport submission, long number, String token) {
        // Microseconds: PostgreSQL's precision, so the event and the row carry the same instant.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.trackingId = TrackingIds.format(now, number);
        report.programSlug = submission.program();
        report.sealedTitle = cipher.seal(submission.title());
        report.sealedDescription = cipher.seal(submission.description());
        report.sealedReporterEmail = submission.reporterEmail() == null ? null : cipher.seal(submission.reporterEmail());
        report.creditName = submission.creditName();
        report.affectedVersion = submission.affectedVersion();
        report.reportedScopeClass = submission.scopeClass();
        report.reportedCvssVector = submission.cvssVector();
        report.creditPreference = submission.creditPreference();
        report.tokenHash = tokens.hash(token);
        report.status = ReportStatus.SUBMITTED;
        report.submittedAt = now.atOffset(ZoneOffset.UTC);
        report.updatedAt = report.submittedAt;
        return report;
    }

    private static ReportSubmitted submittedEvent(Report report) {
        return new ReportSubmitted(report.id.toString(), report.trackingId, report.programSlug, report.programRevision,
                report.sealedTitle, report.sealedDescription, report.sealedReporterEmail, report.creditName,
                report.affectedVersion, report.submittedAt.toInstant(), report.reportedScopeClass, report.reportedCvssVector,
                report.creditPreference);
    }
}
