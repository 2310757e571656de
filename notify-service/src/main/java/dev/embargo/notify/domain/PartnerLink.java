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
 * A partner's capability link to one advisory's pre-advisory: whoever holds its token answers for
 * the partner (acknowledges, states per product, reports readiness). Only the token's hash is kept.
 */
@Entity
@Table(name = "partner_link")
public class PartnerLink {

    @Id public UUID id;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "advisory_id")
    public String advisoryId;

    /** The advisory's public id as the pre-advisory names it; null when it names none. */
    @Column(name = "advisory_ref")
    public String advisoryRef;

    @Column(name = "program_slug")
    public String programSlug;

    /** SHA-256 of the token; the token itself is only in the partner's copies. */
    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "embargo_until")
    public OffsetDateTime embargoUntil;

    /** After this the link answers 404, like an unknown one. */
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Enumerated(EnumType.STRING)
    public Readiness readiness;

    /** Why the partner needs more time or cannot meet the lift, in its words. */
    @Column(name = "readiness_reason")
    public String readinessReason;

    /** When the partner last stated anything (a product statement or its readiness). */
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
}
