package dev.embargo.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** One revision of a program and its policy. Revisions are only ever added. */
@Entity
@Table(name = "program_revision")
@IdClass(ProgramRevision.Key.class)
public class ProgramRevision {

    @Id public String slug;

    @Id public int revision;

    /** The program as JSON in the program file format. */
    public String document;

    public String source;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** Composite key: slug and revision. */
    public static class Key implements Serializable {
        public String slug;
        public int revision;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.slug.equals(slug) && key.revision == revision;
        }

        @Override
        public int hashCode() {
            return slug.hashCode() * 31 + revision;
        }
    }
}
