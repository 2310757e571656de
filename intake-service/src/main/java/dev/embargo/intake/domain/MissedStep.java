package dev.embargo.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A promised step triage said was missed at its due time (its {@code deadline.breached}). */
@Entity
@Table(name = "missed_step")
public class MissedStep {

    @Id public UUID id;

    @Column(name = "report_id")
    public UUID reportId;

    /** The step's wire name, e.g. {@code triage}. */
    public String step;

    /** The due time that was missed: a new due time (an extension) is not missed by it. */
    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    /** When triage noticed, by triage's clock. */
    @Column(name = "noticed_at")
    public OffsetDateTime noticedAt;
}
