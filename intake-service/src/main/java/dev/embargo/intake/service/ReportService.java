package dev.embargo.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseCveRejected;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.Deadline;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportStatus;
import dev.embargo.intake.domain.Report;
import dev.embargo.intake.repository.ProgramRepository;
import dev.embargo.intake.repository.ReportRepository;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
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
    private final ReportAttachments attachments;
    private final ReportAcceptance acceptance;
    private final SubmissionBatches batches;

    ReportService(
            ReportRepository reports,
            ProgramRepository programs,
            Outbox outbox,
            FieldCipher cipher,
            ReporterTokens tokens,
            ObjectMapper json,
            ReportAttachments attachments,
            ReportAcceptance acceptance,
            SubmissionBatches batches) {
        this.reports = reports;
        this.programs = programs;
        this.outbox = outbox;
        this.cipher = cipher;
        this.tokens = tokens;
        this.json = json;
        this.attachments = attachments;
        this.acceptance = acceptance;
        this.batches = batches;
    }

    /**
     * Stores the report under its program's revision in force and stages {@code report.submitted}
     * in one transaction, so that an accepted report is always announced and an announced report
     * always exists. Reports without files share transactions under load ({@link
     * SubmissionBatches}).
     */
    public Uni<AcceptedReport> submit(NewReport submission) {
        return batches.submit(submission);
    }

    /** The same, with files (already checked for count and size) kept with the report. */
    public Uni<AcceptedReport> submit(NewReport submission, List<IncomingFile> files) {
        files.forEach(attachments::typeOf);
        return reports.nextTrackingNumber()
                .chain(
                        number ->
                                Transactions.inTransaction(() -> store(submission, files, number)));
    }

    /**
     * The next tracking number, taken before the transaction that stores the report: it comes from
     * another pooled connection, and waiting for one while holding one could starve the pool.
     */
    public Uni<Long> nextTrackingNumber() {
        return reports.nextTrackingNumber();
    }

    /**
     * Stores a report inside the caller's transaction (the email channel adds the mail's id to it);
     * files are kept as they come.
     */
    public Uni<AcceptedReport> store(NewReport submission, List<IncomingFile> files, long number) {
        String token = tokens.issue();
        return programs.findById(submission.program())
                .chain(
                        program -> {
                            acceptance.check(program, submission);
                            Report report =
                                    acceptance.newReport(program, submission, number, token);
                            return reports.persist(report)
                                    .chain(() -> attachments.keep(report, null, files))
                                    .chain(
                                            () ->
                                                    outbox.stageAll(
                                                            acceptance.eventsOf(
                                                                    report, submission)))
                                    .replaceWith(new AcceptedReport(report, token));
                        });
    }

    /**
     * The report behind a tracking id, if the token is its reporter's. A missing report and a wrong
     * token look the same to the caller, so tracking ids cannot be probed.
     */
    public Uni<Report> findForReporter(String trackingId, String token) {
        return Transactions.inSession(() -> reports.findByTrackingId(trackingId))
                .map(report -> tokens.authorise(report, token));
    }

    /**
     * Replaces the reporter's token (a token that leaked, a shared screen): the new one is returned
     * once, the old one stops working at once.
     */
    public Uni<String> rotateToken(String trackingId, String token) {
        return Transactions.inTransaction(
                () ->
                        reports.findByTrackingId(trackingId)
                                .map(
                                        report -> {
                                            Report authorised = tokens.authorise(report, token);
                                            String fresh = tokens.issue();
                                            authorised.tokenHash = tokens.hash(fresh);
                                            authorised.updatedAt =
                                                    Instant.now().atOffset(ZoneOffset.UTC);
                                            return fresh;
                                        }));
    }

    /** Records triage's acknowledgement; called inside the consumer's transaction. */
    public Uni<Void> markAcknowledged(ReportAcknowledged acknowledgement) {
        return reportOf(acknowledgement.reportId())
                .invoke(
                        report -> {
                            report.status = ReportStatus.ACKNOWLEDGED;
                            report.acknowledgedAt =
                                    acknowledgement.acknowledgedAt().atOffset(ZoneOffset.UTC);
                            report.deadlines = writeJson(acknowledgement.deadlines());
                            report.updatedAt = Instant.now().atOffset(ZoneOffset.UTC);
                        })
                .replaceWithVoid();
    }

    /** Follows the case's state in triage; called inside the consumer's transaction. */
    public Uni<Void> followCaseState(CaseStateChanged change) {
        return reportOf(change.reportId())
                .invoke(
                        report -> {
                            report.status = ReportStatus.forCaseState(change.to());
                            report.updatedAt = Instant.now().atOffset(ZoneOffset.UTC);
                        })
                .replaceWithVoid();
    }

    /** Shows the CVE ID assigned to the case; called inside the consumer's transaction. */
    public Uni<Void> showCveId(CaseCveAssigned assigned) {
        return reportOf(assigned.reportId())
                .invoke(
                        report -> {
                            report.cveId = assigned.cveId();
                            report.updatedAt = Instant.now().atOffset(ZoneOffset.UTC);
                        })
                .replaceWithVoid();
    }

    /** Stops showing a CVE ID that was rejected (a later assignment has replaced it already). */
    public Uni<Void> withdrawCveId(CaseCveRejected rejected) {
        return reportOf(rejected.reportId())
                .invoke(
                        report -> {
                            if (rejected.cveId().equals(report.cveId)) {
                                report.cveId = null;
                                report.updatedAt = Instant.now().atOffset(ZoneOffset.UTC);
                            }
                        })
                .replaceWithVoid();
    }

    /** Shows the case's new deadlines (never the severity or the reason that moved them). */
    public Uni<Void> followDeadlines(String reportId, List<Deadline> deadlines) {
        return reportOf(reportId)
                .invoke(
                        report -> {
                            report.deadlines = writeJson(deadlines);
                            report.updatedAt = Instant.now().atOffset(ZoneOffset.UTC);
                        })
                .replaceWithVoid();
    }

    private Uni<Report> reportOf(String reportId) {
        return reports.findById(UUID.fromString(reportId))
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException("Event for unknown report " + reportId));
    }

    /** The reporter's deadlines, as stored with the report. */
    public List<Deadline> deadlinesOf(Report report) {
        if (report.deadlines == null) {
            return List.of();
        }
        try {
            return json.readValue(report.deadlines, new TypeReference<List<Deadline>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Report " + report.trackingId + " holds unreadable dates", e);
        }
    }

    private String writeJson(List<Deadline> deadlines) {
        try {
            return json.writeValueAsString(deadlines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Deadlines always serialize", e);
        }
    }

    /** Opens a sealed field of a report for its reporter or staff. */
    public String open(String sealed) {
        return sealed == null ? null : cipher.open(sealed);
    }
}
