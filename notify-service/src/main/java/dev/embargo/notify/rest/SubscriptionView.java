package dev.embargo.notify.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.embargo.notify.domain.EventSubscription;
import dev.embargo.notify.domain.WebhookEndpoint;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A subscription; {@code secret} only in the answer that created it. Its endpoint's secret is
 * rotated, the endpoint enabled and its deliveries replayed through {@code
 * /api/v1/webhook-endpoints/{endpointId}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
        UUID id,
        UUID endpointId,
        String url,
        boolean enabled,
        List<String> eventTypes,
        List<String> programs,
        String format,
        String createdBy,
        OffsetDateTime createdAt,
        String secret) {

    static SubscriptionView of(
            EventSubscription subscription, WebhookEndpoint endpoint, String secret) {
        return new SubscriptionView(
                subscription.id,
                endpoint.id,
                endpoint.url,
                endpoint.enabled,
                subscription.eventTypeList(),
                subscription.programList(),
                subscription.format,
                subscription.createdBy,
                subscription.createdAt,
                secret);
    }
}
