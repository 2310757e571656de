package dev.embargo.intake.mapping;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.domain.AttachmentSummary;
import dev.embargo.intake.domain.Escalation;
import dev.embargo.intake.domain.PromisedSteps;
import dev.embargo.intake.domain.Report;
import dev.embargo.intake.domain.ReportMessage;
import dev.embargo.intake.rest.AttachmentView;
import dev.embargo.intake.rest.DeadlineView;
import dev.embargo.intake.rest.EscalationView;
import dev.embargo.intake.rest.MessageView;
import dev.embargo.intake.rest.ReportReceipt;
import dev.embargo.intake.rest.ReportStatusView;
import dev.embargo.intake.rest.SubmitReportRequest;
import dev.embargo.intake.service.AcceptedReport;
import dev.embargo.intake.service.NewReport;
import dev.embargo.intake.service.ReportService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Between the wire and the domain: entities never leave the service as they are. */
@ApplicationScoped
public class ReportMapper {

    private final IntakeConfig config;
    private final ReportService service;

    ReportMapper(IntakeConfig config, ReportService service) {
        this.config = config;
        this.service = service;
    }

    public NewReport toNewReport(SubmitReportRequest request) {
        return new NewReport(
                request.program().strip(),
                request.title().strip(),
                request.description(),
                blankToNull(request.reporterEmail()),
                blankToNull(request.creditName()),
                blankToNull(request.affectedVersion()),
                blankToNull(request.scopeClass()),
                blankToNull(request.cvssVector()),
                blankToNull(request.creditPreference()),
                blankToNull(request.reporterPublicKey()));
    }

    public ReportReceipt toReceipt(AcceptedReport accepted) {
        Report report = accepted.report();
        return new ReportReceipt(
                report.trackingId,
                report.status.wireName(),
                statusUrl(report),
                statusPage(report, accepted.reporterToken()),
                accepted.reporterToken());
    }

    public ReportStatusView toStatusView(
            Report report,
            PromisedSteps steps,
            List<ReportMessage> messages,
            List<AttachmentSummary> files,
            List<Escalation> escalations) {
        return new ReportStatusView(
                report.trackingId,
                report.programSlug,
                service.open(report.sealedTitle),
                report.status.wireName(),
                instant(report.submittedAt),
                instant(report.acknowledgedAt),
                report.cveId,
                steps.all().stream()
                        .map(
                                date ->
                                        new DeadlineView(
                                                date.step(),
                                                date.dueAt(),
                                                date.promised(),
                                                steps.stateOf(date).wireName(),
                                                steps.mayEscalate(date)))
                        .toList(),
                messages.stream()
                        .map(
                                message ->
                                        new MessageView(
                                                message.id.toString(),
                                                message.author,
                                                service.open(message.sealedBody),
                                                message.postedAt.toInstant()))
                        .toList(),
                files.stream()
                        .map(file -> toView(file, statusUrl(report) + "/attachments/" + file.id()))
                        .toList(),
                escalations.stream()
                        .map(
                                escalation ->
                                        new EscalationView(
                                                escalation.step, escalation.receivedAt.toInstant()))
                        .toList());
    }

    /** A file as a list shows it; {@code url} is where the caller downloads it. */
    public AttachmentView toView(AttachmentSummary file, String url) {
        return new AttachmentView(
                file.id().toString(),
                service.open(file.sealedName()),
                file.mediaType(),
                file.sizeBytes(),
                file.sha256(),
                file.messageId() == null ? null : file.messageId().toString(),
                file.addedAt().toInstant(),
                url);
    }

    public String statusUrl(Report report) {
        return publicBase() + "/api/v1/reports/" + report.trackingId;
    }

    /**
     * The reporter's status page with the token in the fragment: browsers never send a fragment to
     * a server, so the token stays out of access logs and Referer headers.
     */
    public String statusPage(Report report, String token) {
        return publicBase() + "/status/" + report.trackingId + "#token=" + token;
    }

    private String publicBase() {
        return config.publicUrl().replaceAll("/+$", "");
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
