package dev.embargo.advisory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of an advisory's audit trail: who drafted, scheduled, broke, released or published. */
@Entity
@Table(name = "advisory_audit")
public class AdvisoryAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "advisory_id")
    public UUID advisoryId;

    /**
     * e.g. {@code drafted}, {@code revised}, {@code lift-scheduled}, {@code early-break}, {@code
     * published}.
     */
    public String action;

    public String actor;

    /** Details in staff's words (an early break's reason), sealed; null when none. */
    @Column(name = "sealed_detail")
    public String sealedDetail;

    public OffsetDateTime at;
}
