package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.Advisory;
import dev.embargo.advisory.domain.AdvisoryState;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.domain.Retraction;
import dev.embargo.advisory.repository.AdvisoryRepository;
import dev.embargo.contracts.advisory.AdvisorySuperseded;
import dev.embargo.contracts.advisory.AdvisoryWithdrawn;
import dev.embargo.contracts.advisory.CveRecordRejected;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What may happen to an advisory after publication: it is withdrawn (published in error),
 * superseded by another advisory, or its CVE record is rejected. Each is published at once as the
 * advisory's next version (a revision of its own, so the history keeps every version), audited with
 * its reason, and announced in the same transaction through the outbox. The advisory stays public.
 */
@ApplicationScoped
public class Retractions {

    private final Advisories advisories;
    private final AdvisoryRepository rows;
    private final Publication publication;
    private final CveSubmissions cveSubmissions;
    private final SigningKeys signingKeys;
    private final AuditTrail audit;
    private final Outbox outbox;

    Retractions(
            Advisories advisories,
            AdvisoryRepository rows,
            Publication publication,
            CveSubmissions cveSubmissions,
            SigningKeys signingKeys,
            AuditTrail audit,
            Outbox outbox) {
        this.advisories = advisories;
        this.rows = rows;
        this.publication = publication;
        this.cveSubmissions = cveSubmissions;
        this.signingKeys = signingKeys;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Withdraws a published advisory: it was published in error. */
    public Uni<AdvisoryDetails> withdraw(
            UUID id, String reason, String actor, Predicate<String> visible) {
        return change(
                id,
                visible,
                (advisory, signer, now) -> {
                    requireStanding(advisory);
                    Retraction withdrawal =
                            mark(advisory, Retraction.Kind.WITHDRAWN, reason, null, now);
                    return republish(
                                    advisory,
                                    withdrawal.revisionSummary(),
                                    "withdrawn",
                                    reason,
                                    actor,
                                    signer,
                                    now)
                            .chain(
                                    snapshot ->
                                            outbox.stage(
                                                    new AdvisoryWithdrawn(
                                                            advisory.id.toString(),
                                                            advisory.publicId,
                                                            advisory.programSlug,
                                                            snapshot.version(),
                                                            snapshot.content().title(),
                                                            snapshot.content().cveId(),
                                                            snapshot.url(),
                                                            reason,
                                                            now)));
                });
    }

    /**
     * Marks a published advisory as replaced by another published advisory of its program, given by
     * public id.
     */
    public Uni<AdvisoryDetails> supersede(
            UUID id,
            String successorPublicId,
            String reason,
            String actor,
            Predicate<String> visible) {
        return change(
                id,
                visible,
                (advisory, signer, now) ->
                        supersedeLocked(advisory, successorPublicId, reason, actor, signer, now));
    }

    /**
     * Supersedes an advisory locked by the caller's transaction (a supersession of its own, or a
     * merge into the successor): the next version names the successor, audited and announced.
     */
    Uni<Void> supersedeLocked(
            Advisory advisory,
            String successorPublicId,
            String reason,
            String actor,
            OpenPgpSigner signer,
            Instant now) {
        requireStanding(advisory);
        return rows.find("publicId", successorPublicId)
                .firstResult()
                .chain(
                        successor -> {
                            requireSuccessor(advisory, successor, successorPublicId);
                            Retraction supersession =
                                    mark(
                                            advisory,
                                            Retraction.Kind.SUPERSEDED,
                                            reason,
                                            successorPublicId,
                                            now);
                            return republish(
                                    advisory,
                                    supersession.revisionSummary(),
                                    "superseded",
                                    supersession.revisionSummary(),
                                    actor,
                                    signer,
                                    now);
                        })
                .chain(
                        snapshot ->
                                outbox.stage(
                                        new AdvisorySuperseded(
                                                advisory.id.toString(),
                                                advisory.publicId,
                                                advisory.programSlug,
                                                snapshot.version(),
                                                snapshot.content().title(),
                                                snapshot.content().cveId(),
                                                snapshot.url(),
                                                successorPublicId,
                                                snapshot.retraction().successorUrl(),
                                                reason,
                                                now)))
                .replaceWithVoid();
    }

    /**
     * Rejects the CVE record of a published advisory: {@code cve.json} becomes the REJECTED record
     * with the reason, which is queued for CVE Services (a dry run unless configured otherwise).
     */
    public Uni<AdvisoryDetails> rejectCveRecord(
            UUID id, String reason, String actor, Predicate<String> visible) {
        return change(
                id,
                visible,
                (advisory, signer, now) ->
                        advisories
                                .currentContent(advisory)
                                .chain(
                                        content -> {
                                            requirePublished(advisory);
                                            if (content.cveId() == null) {
                                                throw AdvisoryProblems.unprocessable(
                                                        "no-cve-id",
                                                        advisory.publicId + " has no CVE id.");
                                            }
                                            if (advisory.cveRejectedAt != null) {
                                                throw AdvisoryProblems.conflict(
                                                        "cve-record-rejected",
                                                        content.cveId() + " is already rejected.");
                                            }
                                            // CVE records carry millisecond timestamps.
                                            Instant rejectedAt = now.truncatedTo(ChronoUnit.MILLIS);
                                            advisory.cveRejectionReason = reason;
                                            advisory.cveRejectedAt =
                                                    rejectedAt.atOffset(ZoneOffset.UTC);
                                            return republish(
                                                            advisory,
                                                            "CVE record "
                                                                    + content.cveId()
                                                                    + " rejected: "
                                                                    + reason,
                                                            "cve-record-rejected",
                                                            reason,
                                                            actor,
                                                            signer,
                                                            now)
                                                    .call(
                                                            () ->
                                                                    cveSubmissions.queueRejected(
                                                                            advisory,
                                                                            content.cveId(),
                                                                            reason,
                                                                            rejectedAt))
                                                    .chain(
                                                            snapshot ->
                                                                    outbox.stage(
                                                                            new CveRecordRejected(
                                                                                    advisory.id
                                                                                            .toString(),
                                                                                    advisory.publicId,
                                                                                    advisory.programSlug,
                                                                                    content.cveId(),
                                                                                    snapshot.url(),
                                                                                    reason,
                                                                                    rejectedAt)));
                                        }));
    }

    /** Refuses a change to an advisory that was withdrawn or superseded: it is final. */
    static void requireNotRetracted(Advisory advisory) {
        if (advisory.retraction != null) {
            throw AdvisoryProblems.conflict(
                    "advisory-retracted",
                    advisory.publicId
                            + " was "
                            + advisory.retraction.name().toLowerCase()
                            + "; it takes no further change.");
        }
    }

    /** A published advisory that was neither withdrawn nor superseded. */
    private static void requireStanding(Advisory advisory) {
        requirePublished(advisory);
        requireNotRetracted(advisory);
    }

    private static void requirePublished(Advisory advisory) {
        if (advisory.state != AdvisoryState.PUBLISHED) {
            throw AdvisoryProblems.conflict(
                    "advisory-not-published",
                    advisory.publicId + " is not published: a draft needs no withdrawal.");
        }
    }

    private static void requireSuccessor(Advisory advisory, Advisory successor, String publicId) {
        if (successor == null
                || successor.state != AdvisoryState.PUBLISHED
                || successor.retraction != null
                || successor.id.equals(advisory.id)
                || !successor.programSlug.equals(advisory.programSlug)) {
            throw AdvisoryProblems.unprocessable(
                    "successor-not-published",
                    publicId
                            + " is no other standing, published advisory of "
                            + advisory.programSlug
                            + ".");
        }
    }

    private static Retraction mark(
            Advisory advisory,
            Retraction.Kind kind,
            String reason,
            String successorPublicId,
            Instant now) {
        advisory.retraction = kind;
        advisory.retractionReason = reason;
        advisory.supersededBy = successorPublicId;
        advisory.retractedAt = now.atOffset(ZoneOffset.UTC);
        return new Retraction(kind, reason, successorPublicId, null, now);
    }

    /** The change as a revision of its own, audited, published as the next version. */
    private Uni<PublishedAdvisory> republish(
            Advisory advisory,
            String revisionSummary,
            String action,
            String auditDetail,
            String actor,
            OpenPgpSigner signer,
            Instant now) {
        return advisories
                .keepAsNextRevision(advisory, revisionSummary, actor, now)
                .chain(() -> audit.record(advisory.id, action, actor, auditDetail, now))
                .chain(() -> publication.publishDocuments(advisory, signer, now));
    }

    /** One change of a locked advisory, in one transaction with its documents and event. */
    private interface Change {
        Uni<?> apply(Advisory advisory, OpenPgpSigner signer, Instant now);
    }

    private Uni<AdvisoryDetails> change(UUID id, Predicate<String> visible, Change change) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // The signer first: it reads (or creates) the key in a session of its own.
        return signingKeys
                .signer()
                .chain(
                        signer ->
                                Transactions.inTransaction(
                                        () ->
                                                advisories
                                                        .locked(id, visible)
                                                        .chain(
                                                                advisory ->
                                                                        change.apply(
                                                                                        advisory,
                                                                                        signer, now)
                                                                                .chain(
                                                                                        () ->
                                                                                                advisories
                                                                                                        .details(
                                                                                                                advisory)))));
    }
}
