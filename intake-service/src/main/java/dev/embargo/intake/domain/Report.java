package dev.embargo.intake.domain;

import dev.embargo.contracts.report.ReportStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A vulnerability report as a researcher submitted it. Sensitive text is stored sealed; the
 * reporter's capability token is stored only as its hash.
 *
 * <p>Updated column by column ({@link DynamicUpdate}): the reporter (a rotated token) and triage's
 * events (status, acknowledgement, deadlines) change the same row at the same time, and an UPDATE
 * of every column let the one that committed last write back what it had read, so a rotated-away
 * token could work again.
 */
@Entity
@Table(name = "report")
@DynamicUpdate
public class Report {

    @Id public UUID id;

    @Column(name = "tracking_id")
    public String trackingId;

    @Column(name = "program_slug")
    public String programSlug;

    @Column(name = "program_revision")
    public Integer programRevision;

    @Column(name = "sealed_title")
    public String sealedTitle;

    @Column(name = "sealed_description")
    public String sealedDescription;

    @Column(name = "sealed_reporter_email")
    public String sealedReporterEmail;

    /** How the reporter wants to be credited, sealed until an advisory publishes it. */
    @Column(name = "sealed_credit_name")
    public String sealedCreditName;

    @Column(name = "sealed_affected_version")
    public String sealedAffectedVersion;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    /** The program's scope class the reporter chose; null when none. */
    @Column(name = "reported_scope_class")
    public String reportedScopeClass;

    /** The CVSS vector the reporter proposes; null when none. */
    @Column(name = "reported_cvss_vector")
    public String reportedCvssVector;

    /** name, handle or anonymous; null when the reporter did not say. */
    @Column(name = "credit_preference")
    public String creditPreference;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    /** The CVE ID of the report's case, shown to the reporter; null before one is assigned. */
    @Column(name = "cve_id")
    public String cveId;

    /**
     * The deadlines the program's policy sets for this report, as JSON, once triage acknowledged
     * it.
     */
    @Column(name = "deadlines")
    public String deadlines;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
