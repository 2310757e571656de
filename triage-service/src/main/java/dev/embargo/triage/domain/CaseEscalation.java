package dev.embargo.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The reporter escalated a late promised step of the case; the id is intake's. */
@Entity
@Table(name = "case_escalation")
public class CaseEscalation {

    @Id public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    /** The step's wire name, e.g. {@code triage}. */
    public String step;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    /** What the reporter wrote, sealed as it came from intake. */
    @Column(name = "sealed_message")
    public String sealedMessage;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
