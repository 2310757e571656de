package dev.embargo.notify.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * When an advisory partners were told of lifts, and whether its coordinators were warned that
 * partners are not ready for it.
 */
@Entity
@Table(name = "advisory_lift")
public class AdvisoryLift {

    @Id
    @Column(name = "advisory_id")
    public String advisoryId;

    @Column(name = "advisory_ref")
    public String advisoryRef;

    @Column(name = "program_slug")
    public String programSlug;

    @Column(name = "embargo_until")
    public OffsetDateTime embargoUntil;

    /** When the not-ready warning was queued for this lift time; null while none was. */
    @Column(name = "warned_at")
    public OffsetDateTime warnedAt;
}
