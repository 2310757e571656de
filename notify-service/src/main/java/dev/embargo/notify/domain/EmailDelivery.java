package dev.embargo.notify.domain;

import dev.embargo.kit.id.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An email the platform owes someone, and how its sending went. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery {

    @Id public UUID id;

    @Column(name = "report_id")
    public UUID reportId;

    @Enumerated(EnumType.STRING)
    public EmailKind kind;

    /**
     * Which one of its kind for the report (a step and due time, an update's number); empty when
     * there is one.
     */
    public String occasion = "";

    @Column(name = "tracking_id")
    public String trackingId;

    @Column(name = "program_slug")
    public String programSlug;

    /**
     * The recipients, one per line, sealed; null for a team email, which goes to the program's
     * contacts in force when it is sent.
     */
    @Column(name = "sealed_recipient")
    public String sealedRecipient;

    /** The text of a message from the security team, sealed; null for other kinds. */
    /**
     * The recipient's OpenPGP public key, sealed: the email's text goes encrypted to it. Null: in
     * the clear.
     */
    @Column(name = "sealed_encrypt_to")
    public String sealedEncryptTo;

    @Column(name = "sealed_body")
    public String sealedBody;

    /**
     * What the template says besides the dates (step, due time, status), as JSON; none is secret.
     */
    public String details;

    /** The policy's deadlines, as JSON lines for the template; none is secret. */
    @Column(name = "deadlines")
    public String deadlines;

    /** The partner a pre-advisory copy went to; null for other kinds. */
    @Column(name = "partner_id")
    public UUID partnerId;

    /** The reference of a pre-advisory copy's watermark (see Watermark); null for other kinds. */
    public String watermark;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    /** Why the last attempt failed; never the message or its recipient. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** A delivery owed now, not yet attempted. */
    public static EmailDelivery pending(
            UUID reportId,
            EmailKind kind,
            String occasion,
            String trackingId,
            String programSlug,
            String sealedRecipient,
            OffsetDateTime now) {
        EmailDelivery delivery = new EmailDelivery();
        delivery.id = TimeOrderedIds.next();
        delivery.reportId = reportId;
        delivery.kind = kind;
        delivery.occasion = occasion;
        delivery.trackingId = trackingId;
        delivery.programSlug = programSlug;
        delivery.sealedRecipient = sealedRecipient;
        delivery.status = DeliveryStatus.PENDING;
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        return delivery;
    }
}
