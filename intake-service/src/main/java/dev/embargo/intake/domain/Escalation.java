package dev.embargo.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The reporter's escalation of a late promised step, with their message sealed. */
@Entity
@Table(name = "escalation")
public class Escalation {

    @Id public UUID id;

    @Column(name = "report_id")
    public UUID reportId;

    /** The step's wire name, e.g. {@code triage}. */
    public String step;

    @Column(name = "sealed_message")
    public String sealedMessage;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
