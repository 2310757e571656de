package dev.embargo.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One of a case's three EU CRA Article 14 notifications: drafted from the case, edited, reviewed by
 * a coordinator, and its submission to the single reporting platform recorded.
 */
@Entity
@Table(name = "cra_notification")
public class CraNotification {

    @Id public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    /** The kind's wire name: {@code early_warning}, {@code notification}, {@code final_report}. */
    public String kind;

    /** The Article 14 fields as JSON ({@link CraNotificationContent}), sealed. */
    @Column(name = "sealed_content")
    public String sealedContent;

    @Column(name = "drafted_by")
    public String draftedBy;

    @Column(name = "drafted_at")
    public OffsetDateTime draftedAt;

    @Column(name = "edited_by")
    public String editedBy;

    @Column(name = "edited_at")
    public OffsetDateTime editedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "submission_reference")
    public String submissionReference;
}
