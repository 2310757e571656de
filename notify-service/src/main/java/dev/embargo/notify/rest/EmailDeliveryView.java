package dev.embargo.notify.rest;

import java.time.Instant;

/** One line of the email delivery log: never the recipient's address or the message. */
public record EmailDeliveryView(
        String id,
        String reportId,
        String trackingId,
        String kind,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {}
