package dev.embargo.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A program's revision in force, as triage published it. */
@Entity
@Table(name = "program")
public class PublishedProgram {

    @Id public String slug;

    public int revision;

    /** The program as JSON in the program file format. */
    public String document;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
