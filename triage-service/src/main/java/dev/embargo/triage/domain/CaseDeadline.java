package dev.embargo.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One promised step of a case as the deadline scheduler watches it. */
@Entity
@Table(name = "case_deadline")
public class CaseDeadline {

    @Id public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    /** The step's wire name, as in the events' deadlines: {@code triage}, {@code fix}, ... */
    public String step;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    /** When the team is warned that the step falls due. */
    @Column(name = "warn_at")
    public OffsetDateTime warnAt;

    @Column(name = "warned_at")
    public OffsetDateTime warnedAt;

    @Column(name = "breached_at")
    public OffsetDateTime breachedAt;

    /** When the step was done or stopped being owed; the scheduler leaves settled steps alone. */
    @Column(name = "settled_at")
    public OffsetDateTime settledAt;

    /** For the repeating status update: the policy's cadence, e.g. {@code 7d}. */
    @Column(name = "update_every")
    public String updateEvery;

    @Column(name = "updates_sent")
    public int updatesSent;

    /** False for a target: warned about, never breached. */
    public boolean firm = true;

    /**
     * When the step's clock started; null for the policy's, which run from the report's arrival.
     */
    @Column(name = "clock_from")
    public OffsetDateTime clockFrom;

    /**
     * Paused while the team waits for the reporter's answer: the scheduler neither warns about nor
     * breaches it; when the answer comes, its due time moves by the time paused.
     */
    public boolean paused;

    /** Breached and not yet kept: the case is overdue. */
    public boolean overdue() {
        return breachedAt != null && settledAt == null;
    }

    /** Where the deadline stands: settled, breached, warned or pending. */
    public String standing() {
        if (settledAt != null) {
            return "settled";
        }
        if (paused) {
            return "paused";
        }
        if (breachedAt != null) {
            return "breached";
        }
        return warnedAt != null ? "warned" : "pending";
    }
}
