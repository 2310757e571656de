package dev.embargo.intake.service;

import dev.embargo.contracts.report.CaseMessagePosted;
import dev.embargo.contracts.report.ReportMessagePosted;
import dev.embargo.intake.domain.Report;
import dev.embargo.intake.domain.ReportMessage;
import dev.embargo.intake.repository.ProgramRepository;
import dev.embargo.intake.repository.ReportMessageRepository;
import dev.embargo.intake.repository.ReportRepository;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The conversation a reporter reads and writes on the status page. The team's messages arrive as
 * {@code case.message.posted}, already sealed, and are kept sealed; the message id makes a
 * redelivered event change nothing.
 */
@ApplicationScoped
public class ReportConversation {

    private final ReportMessageRepository messages;
    private final ReportRepository reports;
    private final ReporterTokens tokens;
    private final ReportAttachments attachments;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final ProgramRepository programs;
    private final ProgramCatalog catalog;

    ReportConversation(
            ReportMessageRepository messages,
            ReportRepository reports,
            ReporterTokens tokens,
            Outbox outbox,
            FieldCipher cipher,
            ProgramRepository programs,
            ProgramCatalog catalog,
            ReportAttachments attachments) {
        this.attachments = attachments;
        this.programs = programs;
        this.catalog = catalog;
        this.messages = messages;
        this.reports = reports;
        this.tokens = tokens;
        this.outbox = outbox;
        this.cipher = cipher;
    }

    /**
     * The reporter writes to the team through the status link: the message (sealed) and {@code
     * report.message.posted} in one transaction; triage adds it to the case, notify tells the team.
     */
    public Uni<ReportMessage> postByReporter(String trackingId, String token, String text) {
        return postByReporter(trackingId, token, text, List.of());
    }

    /** The same, with files (already checked for count and size) kept with the message. */
    public Uni<ReportMessage> postByReporter(
            String trackingId, String token, String text, List<IncomingFile> files) {
        files.forEach(attachments::typeOf);
        return Transactions.inTransaction(
                () ->
                        reports.findByTrackingId(trackingId)
                                .chain(
                                        found ->
                                                checkedWrite(
                                                        tokens.authorise(found, token),
                                                        text,
                                                        files)));
    }

    /**
     * A reply by email from the report's reporter; called inside the email channel's transaction.
     * Files are kept as they come (the caller left out those it could not accept).
     */
    public Uni<ReportMessage> addReporterEmail(
            Report report, String text, List<IncomingFile> files) {
        return checkedWrite(report, text, files);
    }

    private Uni<ReportMessage> checkedWrite(Report report, String text, List<IncomingFile> files) {
        return programs.findById(report.programSlug)
                .chain(
                        program -> {
                            catalog.checkEncrypted(program, "text", text);
                            return write(report, text, files);
                        });
    }

    private Uni<ReportMessage> write(Report report, String text, List<IncomingFile> files) {
        ReportMessage message = new ReportMessage();
        message.id = TimeOrderedIds.next();
        message.reportId = report.id;
        message.author = ReportMessage.REPORTER;
        message.sealedBody = cipher.seal(text);
        message.postedAt = Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return messages.persist(message)
                .chain(() -> attachments.keep(report, message.id, files))
                .chain(
                        () ->
                                outbox.stage(
                                        new ReportMessagePosted(
                                                report.id.toString(),
                                                report.trackingId,
                                                report.programSlug,
                                                message.id.toString(),
                                                message.sealedBody,
                                                message.postedAt.toInstant())))
                .replaceWith(message);
    }

    /** Adds the team's message; called inside the consumer's transaction. */
    public Uni<Void> addTeamMessage(CaseMessagePosted posted) {
        UUID id = UUID.fromString(posted.messageId());
        return messages.findById(id)
                .chain(
                        known -> {
                            if (known != null) {
                                return Uni.createFrom().voidItem();
                            }
                            ReportMessage message = new ReportMessage();
                            message.id = id;
                            message.reportId = UUID.fromString(posted.reportId());
                            message.author = ReportMessage.SECURITY_TEAM;
                            message.sealedBody = posted.sealedBody();
                            message.postedAt = posted.postedAt().atOffset(ZoneOffset.UTC);
                            return messages.persist(message).replaceWithVoid();
                        });
    }

    public Uni<List<ReportMessage>> messagesOf(UUID reportId) {
        return Transactions.inSession(() -> messages.forReport(reportId));
    }
}
