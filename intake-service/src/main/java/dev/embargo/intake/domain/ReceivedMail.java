package dev.embargo.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An email the email channel has taken in, by its Message-ID, so that fetching it again changes
 * nothing.
 */
@Entity
@Table(name = "received_mail")
public class ReceivedMail {

    @Id
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
