package dev.embargo.advisory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An advisory of one program, drafted from a case. Its content lives in sealed revisions ({@link
 * AdvisoryRevision}); this row holds only what scheduling and publication need.
 */
@Entity
@Table(name = "advisory")
public class Advisory {

    @Id public UUID id;

    /** The identifier the world sees, e.g. {@code EMB-2026-0007}; also the CSAF tracking id. */
    @Column(name = "public_id")
    public String publicId;

    @Column(name = "program_slug")
    public String programSlug;

    /**
     * The report (and so the case) the advisory answers; null for an advisory drafted without one.
     */
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "tracking_id")
    public String trackingId;

    @Enumerated(EnumType.STRING)
    public AdvisoryState state;

    @Column(name = "current_revision")
    public int currentRevision;

    /**
     * When the embargo lifts and the advisory publishes itself; null until a coordinator sets it.
     */
    @Column(name = "lift_at")
    public OffsetDateTime liftAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** The revision the public documents show; null before publication. */
    @Column(name = "published_revision")
    public Integer publishedRevision;

    /** Published before its lift time because the embargo was broken (active exploitation). */
    @Column(name = "early_break")
    public boolean earlyBreak;

    /** Withdrawn or superseded after publication; null while the advisory stands. */
    @Enumerated(EnumType.STRING)
    public Retraction.Kind retraction;

    @Column(name = "retraction_reason")
    public String retractionReason;

    /** The public id of the advisory that supersedes this one. */
    @Column(name = "superseded_by")
    public String supersededBy;

    @Column(name = "retracted_at")
    public OffsetDateTime retractedAt;

    /** Why the advisory's CVE record was rejected; null while it stands. */
    @Column(name = "cve_rejection_reason")
    public String cveRejectionReason;

    @Column(name = "cve_rejected_at")
    public OffsetDateTime cveRejectedAt;

    /** The post-mortem as JSON, sealed until the advisory is public. */
    @Column(name = "sealed_post_mortem")
    public String sealedPostMortem;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
