package dev.embargo.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A line of a case's audit log: who did what, when; chained to the line before by its hash. */
@Entity
@Table(name = "case_audit")
public class CaseAuditEntry {

    @Id public UUID id;

    /** 0 for the case's first line, then one more per line. */
    public int position;

    /** The hash of the case's previous line; empty for its first line. */
    @Column(name = "previous_hash")
    public String previousHash;

    /** SHA-256 over this line and {@link #previousHash}, hex. */
    public String hash;

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
