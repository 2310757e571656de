package dev.embargo.notify.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One message to one partner endpoint. Its {@code webhook-id} and body are fixed when it is queued,
 * so every try, replay included, sends the same message.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id public UUID id;

    @Column(name = "endpoint_id")
    public UUID endpointId;

    @Column(name = "partner_id")
    public UUID partnerId;

    /** The event the message is about; with the endpoint, unique. */
    @Column(name = "source_event_id")
    public String sourceEventId;

    /** The webhook's {@code type}, e.g. {@code preadvisory.released}. */
    @Column(name = "event_type")
    public String eventType;

    /** The JSON body, sealed: it may be embargoed. */
    @Column(name = "sealed_payload")
    public String sealedPayload;

    /**
     * The watermark code in this copy of a pre-advisory ({@link Watermark}); null for other
     * messages.
     */
    public String watermark;

    @Enumerated(EnumType.STRING)
    public WebhookStatus status;

    /** Tries so far, the one in flight included. */
    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "last_status")
    public Integer lastStatus;

    /** Why the last try failed, without secrets or payload. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_latency_ms")
    public Integer lastLatencyMs;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    /**
     * The {@code webhook-id} header: stable across tries and replays, as Standard Webhooks asks.
     */
    public String webhookId() {
        return "msg_" + id;
    }
}
