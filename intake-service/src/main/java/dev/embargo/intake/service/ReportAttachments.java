package dev.embargo.intake.service;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.domain.Attachment;
import dev.embargo.intake.domain.AttachmentSummary;
import dev.embargo.intake.domain.AttachmentType;
import dev.embargo.intake.domain.Report;
import dev.embargo.intake.repository.AttachmentRepository;
import dev.embargo.intake.repository.ReportRepository;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.security.StaffScope;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The files reporters send: limits checked before anything is stored, the type judged by the
 * content, name and content sealed, and handed out only to the report's reporter and to staff who
 * may see its program.
 */
@ApplicationScoped
public class ReportAttachments {

    private static final String ACCEPTED =
            Arrays.stream(AttachmentType.values())
                    .map(AttachmentType::mediaType)
                    .collect(Collectors.joining(", "));

    private final AttachmentRepository attachments;
    private final ReportRepository reports;
    private final ReporterTokens tokens;
    private final FieldCipher cipher;
    private final IntakeConfig.Attachments limits;

    ReportAttachments(
            AttachmentRepository attachments,
            ReportRepository reports,
            ReporterTokens tokens,
            FieldCipher cipher,
            IntakeConfig config) {
        this.attachments = attachments;
        this.reports = reports;
        this.tokens = tokens;
        this.cipher = cipher;
        this.limits = config.attachments();
    }

    /**
     * Refuses an upload of more files than one upload may carry (413, like any request over a
     * limit).
     */
    public void checkCount(int files) {
        if (files > limits.maxFilesPerUpload()) {
            throw new ProblemException(
                    Problem.typed(
                            "too-many-attachments",
                            413,
                            "Too many attachments",
                            "At most %d files may be sent at once."
                                    .formatted(limits.maxFilesPerUpload())));
        }
    }

    /** Refuses a file larger than the limit before it is read, or an empty one. */
    public void checkSize(String name, long size) {
        if (size > limits.maxFileSize().asLongValue()) {
            throw new ProblemException(
                    Problem.typed(
                            "attachment-too-large",
                            413,
                            "Attachment too large",
                            "'%s' has %d bytes; files may have at most %d."
                                    .formatted(
                                            safeName(name),
                                            size,
                                            limits.maxFileSize().asLongValue())));
        }
        if (size == 0) {
            throw new ProblemException(
                    Problem.typed(
                            "empty-attachment",
                            400,
                            "Empty attachment",
                            "'%s' is empty.".formatted(safeName(name))));
        }
    }

    /**
     * The file's type as its content shows it; 415 naming the accepted types when it is none of
     * them.
     */
    public AttachmentType typeOf(IncomingFile file) {
        return AttachmentType.of(file.content())
                .orElseThrow(
                        () ->
                                new ProblemException(
                                        Problem.typed(
                                                "unsupported-attachment",
                                                415,
                                                "Unsupported attachment",
                                                "The content of '%s' is none of the accepted types (%s), whatever its name says."
                                                        .formatted(
                                                                safeName(file.name()), ACCEPTED))));
    }

    /**
     * Stores checked files with the report (or one of its messages), sealed; called inside the
     * caller's transaction so the files and what they came with are kept together or not at all.
     */
    public Uni<List<Attachment>> keep(Report report, UUID messageId, List<IncomingFile> files) {
        if (files.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return attachments
                .countOf(report.id)
                .chain(
                        existing -> {
                            if (existing + files.size() > limits.maxFilesPerReport()) {
                                return Uni.createFrom()
                                        .failure(
                                                new ProblemException(
                                                        Problem.typed(
                                                                "too-many-attachments",
                                                                413,
                                                                "Too many attachments",
                                                                "A report may gather at most %d files; this one has %d."
                                                                        .formatted(
                                                                                limits
                                                                                        .maxFilesPerReport(),
                                                                                existing))));
                            }
                            OffsetDateTime now =
                                    Instant.now()
                                            .truncatedTo(ChronoUnit.MICROS)
                                            .atOffset(ZoneOffset.UTC);
                            List<Attachment> kept =
                                    files.stream()
                                            .map(file -> sealed(report, messageId, file, now))
                                            .toList();
                            return attachments.persist(kept).replaceWith(kept);
                        });
    }

    private Attachment sealed(
            Report report, UUID messageId, IncomingFile file, OffsetDateTime now) {
        Attachment attachment = new Attachment();
        attachment.id = TimeOrderedIds.next();
        attachment.reportId = report.id;
        attachment.messageId = messageId;
        attachment.sealedName = cipher.seal(safeName(file.name()));
        attachment.mediaType = typeOf(file).mediaType();
        attachment.sizeBytes = file.content().length;
        attachment.sha256 = sha256(file.content());
        attachment.sealedContent = cipher.sealBytes(file.content());
        attachment.addedAt = now;
        return attachment;
    }

    /** The report's files, for its reporter's status page. */
    public Uni<List<AttachmentSummary>> listed(UUID reportId) {
        return Transactions.inSession(() -> attachments.summariesOf(reportId));
    }

    /** One file of the report, if the token is its reporter's; the same 404 for every miss. */
    public Uni<OpenedAttachment> forReporter(String trackingId, String token, String attachmentId) {
        return Transactions.inSession(
                () ->
                        reports.findByTrackingId(trackingId)
                                .map(report -> tokens.authorise(report, token))
                                .chain(report -> opened(report, attachmentId)));
    }

    /** The report's files for staff, if its program is theirs to see; 404 otherwise. */
    public Uni<List<AttachmentSummary>> forStaff(String trackingId, StaffScope scope) {
        return Transactions.inSession(
                () ->
                        staffReport(trackingId, scope)
                                .chain(report -> attachments.summariesOf(report.id)));
    }

    /** One file for staff, if the report's program is theirs to see; 404 otherwise. */
    public Uni<OpenedAttachment> forStaff(
            String trackingId, String attachmentId, StaffScope scope) {
        return Transactions.inSession(
                () -> staffReport(trackingId, scope).chain(report -> opened(report, attachmentId)));
    }

    private Uni<Report> staffReport(String trackingId, StaffScope scope) {
        return reports.findByTrackingId(trackingId)
                .map(
                        report -> {
                            if (report == null || !scope.covers(report.programSlug)) {
                                throw notFound();
                            }
                            return report;
                        });
    }

    private Uni<OpenedAttachment> opened(Report report, String attachmentId) {
        UUID id;
        try {
            id = UUID.fromString(attachmentId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(notFound());
        }
        return attachments
                .findOfReport(report.id, id)
                .map(
                        attachment -> {
                            if (attachment == null) {
                                throw notFound();
                            }
                            return new OpenedAttachment(
                                    report.trackingId,
                                    cipher.open(attachment.sealedName),
                                    attachment.mediaType,
                                    attachment.sha256,
                                    cipher.openBytes(attachment.sealedContent));
                        });
    }

    /**
     * The name a file is kept and offered under: no directories, no control characters, not too
     * long.
     */
    static String safeName(String name) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
        String cleaned =
                base.codePoints()
                        .filter(c -> !Character.isISOControl(c) && c != '"')
                        .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append)
                        .toString()
                        .strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return "attachment";
        }
        return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of(Status.NOT_FOUND, "No such attachment."));
    }

    /** A file opened for download. */
    public record OpenedAttachment(
            String trackingId, String name, String mediaType, String sha256, byte[] content) {}
}
