package dev.embargo.notify.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** How to reach a report's reporter: notify's own copy, learned from {@code report.submitted}. */
@Entity
@Table(name = "reporter_contact")
public class ReporterContact {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "tracking_id")
    public String trackingId;

    @Column(name = "program_slug")
    public String programSlug;

    /** Sealed; null when the reporter stayed anonymous. */
    @Column(name = "sealed_email")
    public String sealedEmail;

    /** The reporter's OpenPGP public key (ASCII armor), sealed; null when they gave none. */
    @Column(name = "sealed_public_key")
    public String sealedPublicKey;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
