package dev.embargo.advisory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One kept version of an advisory's content; every edit adds one, none is ever changed. */
@Entity
@Table(name = "advisory_revision")
public class AdvisoryRevision {

    @Id public UUID id;

    @Column(name = "advisory_id")
    public UUID advisoryId;

    /** 1, 2, 3… in the order of the edits. */
    public int number;

    /** {@link AdvisoryContent} as JSON, sealed. */
    @Column(name = "sealed_content")
    public String sealedContent;

    /** What changed, in the editor's words; becomes the CSAF revision summary once public. */
    @Column(name = "change_summary")
    public String changeSummary;

    @Column(name = "edited_by")
    public String editedBy;

    @Column(name = "edited_at")
    public OffsetDateTime editedAt;

    /** When this revision became public; null for revisions made under embargo. */
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
