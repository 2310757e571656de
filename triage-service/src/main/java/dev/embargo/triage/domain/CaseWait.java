package dev.embargo.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A case waiting for its reporter's answer: when the question was asked, when the reporter is
 * reminded, when the silence closes the case as "no response", and until when the answer still
 * reopens it.
 */
@Entity
@Table(name = "case_wait")
public class CaseWait {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "asked_at")
    public OffsetDateTime askedAt;

    @Column(name = "remind_at")
    public OffsetDateTime remindAt;

    @Column(name = "reminded_at")
    public OffsetDateTime remindedAt;

    @Column(name = "close_at")
    public OffsetDateTime closeAt;

    /** When the silence closed the case; null while it waits. */
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "reopen_until")
    public OffsetDateTime reopenUntil;

    /** Whether an answer at {@code now} reopens the case the silence closed. */
    public boolean reopensAt(OffsetDateTime now) {
        return closedAt != null && !now.isAfter(reopenUntil);
    }
}
