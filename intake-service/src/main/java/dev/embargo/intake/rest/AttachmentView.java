package dev.embargo.intake.rest;

import java.time.Instant;

/**
 * A file sent with a report or one of its messages, as lists show it.
 *
 * @param mediaType what its content is (judged by the content, not by its name)
 * @param sha256 hex SHA-256 of the content, to check a downloaded copy
 * @param url where the reporter (with the token) or staff (with their own path) download it
 */
public record AttachmentView(
        String id,
        String name,
        String mediaType,
        long size,
        String sha256,
        String messageId,
        Instant addedAt,
        String url) {}
