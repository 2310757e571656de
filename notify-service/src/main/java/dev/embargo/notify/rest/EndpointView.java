package dev.embargo.notify.rest;

import java.time.Instant;

/**
 * A partner's webhook endpoint. {@code secret} is present only in the answer that issued it
 * (creation, rotation); {@code previousSecretValidUntil} while the previous secret still signs.
 */
public record EndpointView(
        String id,
        String partnerId,
        String url,
        boolean enabled,
        String disabledReason,
        Instant createdAt,
        Instant previousSecretValidUntil,
        String secret) {}
