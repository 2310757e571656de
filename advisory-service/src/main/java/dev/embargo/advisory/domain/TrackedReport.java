package dev.embargo.advisory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A report on its way to a possible advisory, as advisory learned it from the lifecycle events. */
@Entity
@Table(name = "tracked_report")
public class TrackedReport {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "tracking_id")
    public String trackingId;

    @Column(name = "program_slug")
    public String programSlug;

    @Enumerated(EnumType.STRING)
    public LifecycleStage stage;

    @Column(name = "case_id")
    public UUID caseId;

    /**
     * How the reporter wants to be credited in the advisory, sealed until publication; null for no
     * public credit. Reports tracked before it was sealed keep it plain (read with {@code
     * FieldCipher.openIfSealed}).
     */
    @Column(name = "sealed_credit_name")
    public String sealedCreditName;

    /** {@code name}, {@code handle} or {@code anonymous}; null when the reporter did not say. */
    @Column(name = "credit_preference")
    public String creditPreference;

    /** The report's title as the reporter wrote it, sealed: the first draft's title. */
    @Column(name = "sealed_title")
    public String sealedTitle;

    /** The version the reporter named, sealed like {@link #sealedCreditName}. */
    @Column(name = "sealed_affected_version")
    public String sealedAffectedVersion;

    /** Triage's state of the case, e.g. {@code accepted}; null before the first change. */
    @Column(name = "case_state")
    public String caseState;

    /** The program's severity level triage scored; null before scoring. */
    public String severity;

    @Column(name = "cvss_vector")
    public String cvssVector;

    @Column(name = "cvss_score")
    public Double cvssScore;

    /** The case's latest SSVC decision as JSON (an SsvcAssessment); null before one is made. */
    public String ssvc;

    /** The CVE ID triage assigned to the case; null before one is (or after it was rejected). */
    @Column(name = "cve_id")
    public String cveId;

    /** When the program's CNA reserved that ID; null when another assigner did. */
    @Column(name = "cve_reserved_at")
    public OffsetDateTime cveReservedAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
