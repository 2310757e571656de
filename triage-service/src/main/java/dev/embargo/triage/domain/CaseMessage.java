package dev.embargo.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One message of the conversation between the security team and the case's reporter. */
@Entity
@Table(name = "case_message")
public class CaseMessage {

    @Id public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    /** The staff member's user name, or {@code reporter}. */
    public String author;

    /** Written by the reporter (through intake's status link), not by the team. */
    @Column(name = "from_reporter")
    public boolean fromReporter;

    /** Sealed: it may describe the vulnerability. */
    @Column(name = "sealed_body")
    public String sealedBody;

    @Column(name = "posted_at")
    public OffsetDateTime postedAt;
}
