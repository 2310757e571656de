package dev.embargo.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A file a reporter sent: its name and content sealed, its type judged by the content. */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id public UUID id;

    @Column(name = "report_id")
    public UUID reportId;

    /** The message it came with; null when it came with the report. */
    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "sealed_name")
    public String sealedName;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    /** Read only for a download: listings project {@link AttachmentSummary} without it. */
    @Column(name = "sealed_content")
    public byte[] sealedContent;

    @Column(name = "added_at")
    public OffsetDateTime addedAt;
}
