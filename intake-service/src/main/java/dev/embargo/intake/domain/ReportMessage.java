package dev.embargo.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One message of a report's conversation, as its reporter reads it. */
@Entity
@Table(name = "report_message")
public class ReportMessage {

    /** The security team, as the reporter knows it: never a staff member's name. */
    public static final String SECURITY_TEAM = "security team";

    /** The reporter, as their own status page shows them. */
    public static final String REPORTER = "you";

    @Id public UUID id;

    @Column(name = "report_id")
    public UUID reportId;

    /** Who wrote it, as the reporter is told: {@link #SECURITY_TEAM} or {@link #REPORTER}. */
    public String author;

    @Column(name = "sealed_body")
    public String sealedBody;

    @Column(name = "posted_at")
    public OffsetDateTime postedAt;
}
