package dev.embargo.notify.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What a partner states about one of its products; a later statement replaces it. */
@Entity
@Table(name = "partner_statement")
public class PartnerStatement {

    @Id public UUID id;

    @Column(name = "link_id")
    public UUID linkId;

    public String product;

    @Enumerated(EnumType.STRING)
    public ProductStatus status;

    @Enumerated(EnumType.STRING)
    public VexJustification justification;

    @Column(name = "fixed_version")
    public String fixedVersion;

    @Column(name = "stated_at")
    public OffsetDateTime statedAt;
}
