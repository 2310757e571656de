package dev.embargo.intake.service;

import dev.embargo.intake.domain.AttachmentType;
import dev.embargo.intake.domain.ReceivedMail;
import dev.embargo.intake.domain.Report;
import dev.embargo.intake.repository.ReceivedMailRepository;
import dev.embargo.intake.repository.ReportRepository;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an email to a program's intake address into a report, with the sender as its contact and
 * its files kept; or, when the subject names one of the sender's reports by tracking id, into a
 * message of that report's conversation. The email's Message-ID is recorded in the same
 * transaction, so an email read twice is taken in once.
 */
@ApplicationScoped
public class EmailChannel {

    private static final Pattern TRACKING_ID = Pattern.compile("EMB-[0-9]{4}-[0-9]{5,12}");
    private static final Pattern REPLY_PREFIX =
            Pattern.compile("^\\s*((re|fwd?|aw|wg|sv|vs)\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);
    private static final int MAX_TITLE = 200;
    private static final int MAX_TEXT = 50_000;

    private final ReportService reports;
    private final ReportConversation conversation;
    private final ReportAttachments attachments;
    private final ReportRepository reportRepository;
    private final ReceivedMailRepository received;
    private final FieldCipher cipher;

    EmailChannel(
            ReportService reports,
            ReportConversation conversation,
            ReportAttachments attachments,
            ReportRepository reportRepository,
            ReceivedMailRepository received,
            FieldCipher cipher) {
        this.reports = reports;
        this.conversation = conversation;
        this.attachments = attachments;
        this.reportRepository = reportRepository;
        this.received = received;
        this.cipher = cipher;
    }

    /** What became of an email. */
    public enum Outcome {
        NEW_REPORT,
        REPLY,
        ALREADY_TAKEN
    }

    /**
     * Takes the email in for the program.
     *
     * @throws ProblemException when it can never be taken in (e.g. encrypted to a key the program
     *     does not hold)
     */
    public Uni<Outcome> take(String programSlug, InboundMail mail) {
        return reports.nextTrackingNumber()
                .chain(
                        number ->
                                Transactions.inTransaction(
                                        () ->
                                                received.findById(mail.messageId())
                                                        .chain(
                                                                seen -> {
                                                                    if (seen != null) {
                                                                        return Uni.createFrom()
                                                                                .item(
                                                                                        Outcome
                                                                                                .ALREADY_TAKEN);
                                                                    }
                                                                    Kept kept = keepable(mail);
                                                                    return replyTarget(
                                                                                    programSlug,
                                                                                    mail)
                                                                            .chain(
                                                                                    report ->
                                                                                            report
                                                                                                            != null
                                                                                                    ? conversation
                                                                                                            .addReporterEmail(
                                                                                                                    report,
                                                                                                                    kept
                                                                                                                            .text(),
                                                                                                                    kept
                                                                                                                            .files())
                                                                                                            .replaceWith(
                                                                                                                    new Taken(
                                                                                                                            report.id,
                                                                                                                            Outcome
                                                                                                                                    .REPLY))
                                                                                                    : reports.store(
                                                                                                                    newReport(
                                                                                                                            programSlug,
                                                                                                                            mail,
                                                                                                                            kept
                                                                                                                                    .text()),
                                                                                                                    kept
                                                                                                                            .files(),
                                                                                                                    number)
                                                                                                            .map(
                                                                                                                    accepted ->
                                                                                                                            new Taken(
                                                                                                                                    accepted
                                                                                                                                            .report()
                                                                                                                                            .id,
                                                                                                                                    Outcome
                                                                                                                                            .NEW_REPORT)))
                                                                            .chain(
                                                                                    taken ->
                                                                                            received.persist(
                                                                                                            receivedMail(
                                                                                                                    mail,
                                                                                                                    taken
                                                                                                                            .reportId()))
                                                                                                    .replaceWith(
                                                                                                            taken
                                                                                                                    .outcome()));
                                                                })));
    }

    /**
     * The sender's report named in the subject; none when there is no id, no such report or it is
     * someone else's.
     */
    private Uni<Report> replyTarget(String programSlug, InboundMail mail) {
        Matcher id = TRACKING_ID.matcher(mail.subject() == null ? "" : mail.subject());
        if (!id.find() || mail.from() == null) {
            return Uni.createFrom().nullItem();
        }
        return reportRepository
                .findByTrackingId(id.group())
                .map(
                        report ->
                                report != null
                                                && report.programSlug.equals(programSlug)
                                                && report.sealedReporterEmail != null
                                                && cipher.open(report.sealedReporterEmail)
                                                        .equalsIgnoreCase(mail.from())
                                        ? report
                                        : null);
    }

    /**
     * The files the limits and accepted types allow; what is left out is said at the end of the
     * text, since there is no one to answer a refusal to.
     */
    private Kept keepable(InboundMail mail) {
        List<IncomingFile> files = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (IncomingFile file : mail.files()) {
            String name = ReportAttachments.safeName(file.name());
            try {
                attachments.checkCount(files.size() + 1);
                attachments.checkSize(name, file.content().length);
                if (AttachmentType.of(file.content()).isEmpty()) {
                    leftOut.add(
                            "'%s' (%d bytes): its content is none of the accepted types"
                                    .formatted(name, file.content().length));
                    continue;
                }
                files.add(file);
            } catch (ProblemException refused) {
                leftOut.add(
                        "'%s' (%d bytes): %s"
                                .formatted(
                                        name, file.content().length, refused.problem().detail()));
            }
        }
        String text = mail.text() == null ? "" : mail.text().strip();
        if (text.length() > MAX_TEXT) {
            text =
                    text.substring(0, MAX_TEXT)
                            + "\n[Embargo: the email's text was cut at "
                            + MAX_TEXT
                            + " characters]";
        }
        if (!leftOut.isEmpty()) {
            text += "\n\n[Embargo: attachments not kept: " + String.join("; ", leftOut) + "]";
        }
        if (text.isBlank()) {
            text = files.isEmpty() ? "(empty email)" : "(attachments only)";
        }
        return new Kept(text, files);
    }

    private static NewReport newReport(String programSlug, InboundMail mail, String text) {
        String subject =
                mail.subject() == null
                        ? ""
                        : REPLY_PREFIX.matcher(mail.subject()).replaceFirst("").strip();
        String title =
                subject.isEmpty()
                        ? "(no subject)"
                        : subject.length() > MAX_TITLE ? subject.substring(0, MAX_TITLE) : subject;
        return new NewReport(
                programSlug, title, text, mail.from(), null, null, null, null, null, null);
    }

    private static ReceivedMail receivedMail(InboundMail mail, UUID reportId) {
        ReceivedMail row = new ReceivedMail();
        row.messageId = mail.messageId();
        row.reportId = reportId;
        row.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return row;
    }

    private record Kept(String text, List<IncomingFile> files) {}

    private record Taken(UUID reportId, Outcome outcome) {}
}
