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
 * A CVE record to submit to CVE Services: a published advisory's record (after the advisory is
 * public) or a REJECTED record for a rejected CVE id.
 */
@Entity
@Table(name = "cve_submission")
public class CveSubmission {

    /** Where a submission stands. */
    public enum Status {
        /** Waiting for its (next) attempt. */
        PENDING,
        /** CVE Services accepted the record. */
        SUBMITTED,
        /** Dry run: the request was checked and logged, not sent. */
        DRY_RUN,
        /** The program has no CVE Services account configured: nothing is sent. */
        NOT_CONFIGURED,
        /** CVE Services refused the record (a 4xx answer); retrying would not help. */
        REFUSED
    }

    @Id public UUID id;

    @Column(name = "cve_id")
    public String cveId;

    @Column(name = "program_slug")
    public String programSlug;

    /** The advisory the record describes; null for a REJECTED record. */
    @Column(name = "advisory_id")
    public UUID advisoryId;

    /** The report whose case the record answers; null when the advisory has no report. */
    @Column(name = "report_id")
    public UUID reportId;

    /** {@code PUBLISHED} or {@code REJECTED}: which CVE Services operation takes the record. */
    @Column(name = "record_state")
    public String recordState;

    /** The whole CVE JSON 5 record, sealed. */
    @Column(name = "sealed_record")
    public String sealedRecord;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    /** CVE Services' answer to the last failed attempt; never carries credentials. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
}
