package dev.embargo.advisory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One partner's statements about its products in answer to one pre-advisory: a sealed list of
 * {@link PartnerStatement}, the latest per product.
 */
@Entity
@Table(name = "partner_statement_set")
public class PartnerStatementSet {

    @Id public UUID id;

    @Column(name = "pre_advisory_id")
    public UUID preAdvisoryId;

    /** notify's partner id. */
    @Column(name = "partner_id")
    public String partnerId;

    /** The statements as a JSON list, sealed. */
    @Column(name = "sealed_statements")
    public String sealedStatements;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
