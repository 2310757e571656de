package dev.embargo.notify.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A URL where a partner receives webhooks, with its signing secrets (sealed). */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id public UUID id;

    @Column(name = "partner_id")
    public UUID partnerId;

    public String url;

    /** Disabled endpoints receive nothing; their deliveries wait until staff enable them again. */
    public boolean enabled;

    @Column(name = "sealed_secret")
    public String sealedSecret;

    /** The secret before the last rotation, still signing until {@link #previousValidUntil}. */
    @Column(name = "sealed_previous_secret")
    public String sealedPreviousSecret;

    @Column(name = "previous_valid_until")
    public OffsetDateTime previousValidUntil;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
