package dev.embargo.notify.rest;

import java.time.Instant;

/** One webhook delivery in the log: never its body or the endpoint's secret. */
public record WebhookDeliveryView(
        String id,
        String webhookId,
        String endpointId,
        String eventType,
        String status,
        int attempts,
        Integer lastStatus,
        Integer lastLatencyMs,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt) {}
