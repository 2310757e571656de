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
 * A published advisory in one format, exactly the bytes readers get: its hashes, its signature and
 * its ETag never change under a reader until a new revision replaces the row.
 */
@Entity
@Table(name = "published_document")
public class PublishedDocument {

    @Id public UUID id;

    @Column(name = "advisory_id")
    public UUID advisoryId;

    @Enumerated(EnumType.STRING)
    public DocumentFormat format;

    @Column(name = "program_slug")
    public String programSlug;

    public String content;

    /** Hex SHA-256 of the UTF-8 content. */
    public String sha256;

    /** Hex SHA-512 of the UTF-8 content. */
    public String sha512;

    /** Detached ASCII-armored OpenPGP signature; null for formats that are not signed. */
    public String signature;

    public int revision;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
