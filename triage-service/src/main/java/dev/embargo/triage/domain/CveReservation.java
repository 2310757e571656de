package dev.embargo.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One CVE ID a program reserved as a CNA: free until a coordinator assigns it to a case, rejected
 * (with a reason) when it will not be used, as CNA rule 4.5.3.5 requires.
 */
@Entity
@Table(name = "cve_reservation")
public class CveReservation {

    public static final String RESERVED = "reserved";
    public static final String ASSIGNED = "assigned";
    public static final String REJECTED = "rejected";

    @Id
    @Column(name = "cve_id")
    public String cveId;

    @Column(name = "program_slug")
    public String programSlug;

    /** {@code reserved}, {@code assigned} or {@code rejected}. */
    public String state;

    /** The case it is (or was, before a rejection) assigned to. */
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "reserved_by")
    public String reservedBy;

    @Column(name = "reserved_at")
    public OffsetDateTime reservedAt;

    @Column(name = "sealed_rejection_reason")
    public String sealedRejectionReason;

    @Column(name = "rejected_at")
    public OffsetDateTime rejectedAt;
}
