package dev.embargo.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A note staff wrote about a case for each other; the reporter never sees it. */
@Entity
@Table(name = "case_note")
public class CaseNote {

    @Id public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    /** The staff member's user name. */
    public String author;

    /** Sealed: it may describe the vulnerability. */
    @Column(name = "sealed_text")
    public String sealedText;

    @Column(name = "written_at")
    public OffsetDateTime writtenAt;
}
