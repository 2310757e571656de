package dev.embargo.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A line of a case's audit log: who did what, when. */
@Entity
@Table(name = "case_audit")
public class CaseAuditEntry {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public OffsetDateTime at;

    /** The staff member's user name, or {@code system} for what triage did by itself. */
    public String actor;

    /** e.g. {@code opened}, {@code state triaging -> accepted}. */
    public String action;

    @Column(name = "sealed_detail")
    public String sealedDetail;
}
