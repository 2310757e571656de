package dev.embargo.advisory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What partner groups were told under embargo, ahead of the public advisory. */
@Entity
@Table(name = "pre_advisory")
public class PreAdvisory {

    @Id public UUID id;

    /** The advisory it announces; null for a free-standing pre-advisory. */
    @Column(name = "advisory_id")
    public UUID advisoryId;

    @Column(name = "program_slug")
    public String programSlug;

    /** Partner group ids, comma-separated. */
    @Column(name = "partner_groups")
    public String partnerGroups;

    @Column(name = "embargo_until")
    public OffsetDateTime embargoUntil;

    /** The pre-advisory as JSON, sealed. */
    @Column(name = "sealed_document")
    public String sealedDocument;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "released_at")
    public OffsetDateTime releasedAt;
}
