package dev.embargo.triage.service;

import dev.embargo.contracts.report.CaseMessagePosted;
import dev.embargo.contracts.report.ReportMessagePosted;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.Transactions;
import dev.embargo.triage.domain.CaseMessage;
import dev.embargo.triage.domain.CaseNote;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseMessageRepository;
import dev.embargo.triage.repository.CaseNoteRepository;
import dev.embargo.triage.repository.CaseRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What staff write on a case: internal notes, for each other only, and messages to the reporter,
 * which leave triage as {@code case.message.posted} for intake's status page and notify's email.
 * The two are kept in separate tables and endpoints, so a note cannot be sent by mistake. Both are
 * sealed at rest and audited (the audit line names the author, not the text).
 */
@ApplicationScoped
public class CaseConversation {

    /** How the reporter appears in the conversation and the audit log. */
    public static final String REPORTER = "reporter";

    private final LockedCases lockedCases;
    private final CaseRepository cases;
    private final CaseNoteRepository notes;
    private final CaseMessageRepository messages;
    private final CaseAudit audit;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final TriageClock clock;

    CaseConversation(
            LockedCases lockedCases,
            CaseRepository cases,
            CaseNoteRepository notes,
            CaseMessageRepository messages,
            CaseAudit audit,
            Outbox outbox,
            FieldCipher cipher,
            TriageClock clock) {
        this.lockedCases = lockedCases;
        this.cases = cases;
        this.notes = notes;
        this.messages = messages;
        this.audit = audit;
        this.outbox = outbox;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Uni<CaseNote> addNote(UUID caseId, String text, String author) {
        return Transactions.inTransaction(
                () ->
                        lockedCases
                                .lock(caseId)
                                .chain(
                                        vulnerabilityCase -> {
                                            CaseNote note = new CaseNote();
                                            note.id = TimeOrderedIds.next();
                                            note.caseId = caseId;
                                            note.author = author;
                                            note.sealedText = cipher.seal(text);
                                            note.writtenAt = clock.nowUtc();
                                            return notes.persist(note)
                                                    .chain(
                                                            () ->
                                                                    audit.record(
                                                                            caseId,
                                                                            author,
                                                                            "internal note",
                                                                            null))
                                                    .replaceWith(note);
                                        }));
    }

    public Uni<CaseMessage> postMessage(UUID caseId, String body, String author) {
        return Transactions.inTransaction(
                () -> lockedCases.lock(caseId).chain(locked -> send(locked, body, author)));
    }

    /**
     * Writes to the reporter of a case the caller holds locked, in the caller's transaction: the
     * message, its audit line and {@code case.message.posted}.
     */
    public Uni<CaseMessage> send(VulnerabilityCase vulnerabilityCase, String body, String author) {
        CaseMessage message = new CaseMessage();
        message.id = TimeOrderedIds.next();
        message.caseId = vulnerabilityCase.id;
        message.author = author;
        message.sealedBody = cipher.seal(body);
        message.postedAt = clock.nowUtc();
        return messages.persist(message)
                .chain(
                        () ->
                                audit.record(
                                        vulnerabilityCase.id,
                                        author,
                                        "message to the reporter",
                                        null))
                .chain(
                        () ->
                                outbox.stage(
                                        new CaseMessagePosted(
                                                vulnerabilityCase.reportId.toString(),
                                                vulnerabilityCase.id.toString(),
                                                vulnerabilityCase.trackingId,
                                                vulnerabilityCase.programSlug,
                                                message.id.toString(),
                                                message.sealedBody,
                                                message.postedAt.toInstant())))
                .replaceWith(message);
    }

    /**
     * Adds what the reporter wrote to the case's conversation; called inside the consumer's
     * transaction.
     */
    public Uni<Void> receiveFromReporter(ReportMessagePosted posted) {
        return lockedCases
                .lockOfReport(UUID.fromString(posted.reportId()))
                .chain(
                        vulnerabilityCase -> {
                            if (vulnerabilityCase == null) {
                                // Same topic, same key: report.submitted, which opens the case,
                                // always comes first.
                                return Uni.createFrom()
                                        .failure(
                                                new IllegalStateException(
                                                        "Message for report "
                                                                + posted.reportId()
                                                                + " arrived before its case"));
                            }
                            CaseMessage message = new CaseMessage();
                            message.id = UUID.fromString(posted.messageId());
                            message.caseId = vulnerabilityCase.id;
                            message.author = REPORTER;
                            message.fromReporter = true;
                            message.sealedBody = posted.sealedBody();
                            message.postedAt = posted.postedAt().atOffset(java.time.ZoneOffset.UTC);
                            return messages.persist(message)
                                    .chain(
                                            () ->
                                                    audit.record(
                                                            vulnerabilityCase.id,
                                                            REPORTER,
                                                            "message from the reporter",
                                                            null));
                        });
    }

    public Uni<List<CaseNote>> notesOf(UUID caseId) {
        return Transactions.inSession(
                () ->
                        cases.findById(caseId)
                                .map(found -> lockedCases.visible(found, caseId))
                                .chain(visible -> notes.forCase(visible.id)));
    }

    public Uni<List<CaseMessage>> messagesOf(UUID caseId) {
        return Transactions.inSession(
                () ->
                        cases.findById(caseId)
                                .map(found -> lockedCases.visible(found, caseId))
                                .chain(visible -> messages.forCase(visible.id)));
    }

    public String open(String sealed) {
        return cipher.open(sealed);
    }
}
