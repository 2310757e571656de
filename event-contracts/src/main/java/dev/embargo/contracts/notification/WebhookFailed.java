package dev.embargo.contracts.notification;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A webhook delivery failed for good: every try of its schedule failed, so it was given up
 * (dead-lettered). Staff replay it once the partner's endpoint works again. Never carries the
 * payload, which may be embargoed.
 *
 * @param deliveryId notify's delivery id, the event subject and record key
 * @param webhookId the {@code webhook-id} the partner saw on every try
 * @param sourceEventId the event the delivery was for
 * @param lastStatus the last HTTP status received; null when none (timeout, refused)
 * @param lastError why the last try failed, without secrets
 */
public record WebhookFailed(
        String deliveryId,
        String webhookId,
        String partnerId,
        String endpointId,
        String eventType,
        String sourceEventId,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant deadAt)
        implements EventPayload {

    @Override
    public String subject() {
        return deliveryId;
    }
}
