package dev.embargo.intake.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An attachment without its content, as lists show it. */
public record AttachmentSummary(
        UUID id,
        UUID reportId,
        UUID messageId,
        String sealedName,
        String mediaType,
        long sizeBytes,
        String sha256,
        OffsetDateTime addedAt) {}
