package dev.embargo.advisory.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.config.AdvisoryConfig;
import dev.embargo.advisory.config.AdvisoryConfig.CveServices.Account;
import dev.embargo.advisory.cveservices.CveServicesClient;
import dev.embargo.advisory.cveservices.CveServicesClient.CveServicesRefusal;
import dev.embargo.advisory.cveservices.CveServicesClient.Request;
import dev.embargo.advisory.domain.Advisory;
import dev.embargo.advisory.domain.CveSubmission;
import dev.embargo.advisory.domain.CveSubmission.Status;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.format.CveRecordRules;
import dev.embargo.advisory.repository.CveSubmissionRepository;
import dev.embargo.contracts.program.CveIdRejected;
import dev.embargo.contracts.report.CaseCveRejected;
import dev.embargo.contracts.report.CveRecordPublished;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.RepeatingPass;
import dev.embargo.kit.work.SessionContexts;
import dev.embargo.kit.work.Transactions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends CVE records to CVE Services once they may be public: a published advisory's record after
 * publication, a REJECTED record when triage rejects a CVE id (a case's, or an unused one of a
 * program's pool). Each program that is a CNA has its own account; without one the record is kept
 * and not sent, and in a dry run each request is checked and logged instead of sent. Failures are
 * retried with a growing pause; a refusal is kept with CVE Services' answer. An accepted record is
 * announced ({@code cve.record.published}) for the CNA publication clock.
 */
@ApplicationScoped
public class CveSubmissions {

    private static final Logger LOG = Logger.getLogger(CveSubmissions.class);
    private static final int BATCH = 20;
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    private final CveSubmissionRepository submissions;
    private final CveServicesClient client;
    private final AdvisoryFormats formats;
    private final SealedJson sealed;
    private final FieldCipher cipher;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final AdvisoryConfig.CveServices config;
    private final RepeatingPass pass = new RepeatingPass("CVE record submission", this::submitDue);

    CveSubmissions(
            CveSubmissionRepository submissions,
            CveServicesClient client,
            AdvisoryFormats formats,
            SealedJson sealed,
            FieldCipher cipher,
            Outbox outbox,
            AuditTrail audit,
            AdvisoryConfig config) {
        this.submissions = submissions;
        this.client = client;
        this.formats = formats;
        this.sealed = sealed;
        this.cipher = cipher;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config.cveServices();
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        pass.start(vertx, config.scanInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        pass.stop();
    }

    /**
     * Queues the record of a version just published; nothing for an advisory without a CVE id, or
     * whose record was rejected (its REJECTED record was queued then, {@link #queueRejected}).
     */
    Uni<Void> queuePublished(Advisory advisory, PublishedAdvisory snapshot, Instant now) {
        if (snapshot.cveRejection() != null) {
            return Uni.createFrom().voidItem();
        }
        return formats.cveRecord(snapshot)
                .map(
                        record ->
                                queue(
                                        record,
                                        advisory.programSlug,
                                        advisory.id,
                                        advisory.reportId,
                                        now))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * Queues the REJECTED record of a CVE id triage rejected, with staff's reason. Runs in the
     * inbox's transaction, which makes it once per event.
     */
    public Uni<Void> rejected(CaseCveRejected event) {
        return queueRejected(
                event.cveId(),
                event.sealedReason(),
                event.programSlug(),
                UUID.fromString(event.reportId()),
                event.rejectedAt());
    }

    /**
     * Queues the REJECTED record of an ID triage rejected unused from a program's pool; no report,
     * so no CNA clock hears of it. Once per event, as above.
     */
    public Uni<Void> rejectedUnused(CveIdRejected event) {
        return queueRejected(
                event.cveId(), event.sealedReason(), event.programSlug(), null, event.rejectedAt());
    }

    private Uni<Void> queueRejected(
            String cveId, String sealedReason, String program, UUID reportId, Instant rejectedAt) {
        ObjectNode record =
                formats.rejectedCveRecord(
                        cveId,
                        cipher.openIfSealed(sealedReason),
                        rejectedAt.truncatedTo(ChronoUnit.MILLIS));
        return queue(record, program, null, reportId, rejectedAt);
    }

    /** Queues the REJECTED record of a published advisory's CVE id, in the caller's transaction. */
    Uni<Void> queueRejected(Advisory advisory, String cveId, String reason, Instant rejectedAt) {
        return queue(
                formats.rejectedCveRecord(cveId, reason, rejectedAt),
                advisory.programSlug,
                advisory.id,
                advisory.reportId,
                rejectedAt);
    }

    public Uni<List<CveSubmission>> ofAdvisory(UUID advisoryId) {
        return Transactions.inSession(() -> submissions.ofAdvisory(advisoryId));
    }

    private Uni<Void> queue(
            JsonNode record, String program, UUID advisoryId, UUID reportId, Instant now) {
        CveSubmission submission = new CveSubmission();
        submission.id = TimeOrderedIds.next();
        submission.cveId = record.at("/cveMetadata/cveId").asText();
        submission.recordState = record.at("/cveMetadata/state").asText();
        submission.programSlug = program;
        submission.advisoryId = advisoryId;
        submission.reportId = reportId;
        submission.sealedRecord = sealed.seal(record);
        submission.status = Status.PENDING;
        submission.createdAt = now.atOffset(ZoneOffset.UTC);
        submission.nextAttemptAt = submission.createdAt;
        return submissions.persist(submission).replaceWithVoid();
    }

    /** What one attempt came to. */
    private record Outcome(UUID id, Status status, String error) {}

    /**
     * A claimed submission: the program's account (null without one), the request that sends the
     * record, and the CNA rules the record breaks.
     */
    private record Attempt(
            CveSubmission submission, Account account, Request request, List<String> broken) {}

    /**
     * One pass: claims the due submissions (their next attempt moved past the request's timeout, so
     * a crash retries them), sends them outside the transaction, then records the outcomes.
     */
    Uni<Integer> submitDue() {
        Executor back = SessionContexts.current();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return Transactions.inTransaction(
                        () ->
                                submissions
                                        .claimDue(now, BATCH)
                                        .chain(
                                                due ->
                                                        Multi.createFrom()
                                                                .iterable(due)
                                                                .onItem()
                                                                .transformToUniAndConcatenate(
                                                                        submission ->
                                                                                attempt(
                                                                                        submission,
                                                                                        now))
                                                                .collect()
                                                                .asList()))
                .chain(
                        attempts ->
                                Multi.createFrom()
                                        .iterable(attempts)
                                        .onItem()
                                        .transformToUniAndConcatenate(this::send)
                                        .collect()
                                        .asList()
                                        .emitOn(back)
                                        .chain(outcomes -> record(outcomes, now)));
    }

    private Uni<Attempt> attempt(CveSubmission submission, OffsetDateTime now) {
        submission.nextAttemptAt = now.plus(config.timeout().multipliedBy(2));
        Account account = config.programs().get(submission.programSlug);
        JsonNode record = sealed.open(submission.sealedRecord, JsonNode.class);
        List<String> broken =
                "PUBLISHED".equals(submission.recordState)
                        ? CveRecordRules.violations(record).stream()
                                .map(error -> error.field() + ": " + error.message())
                                .toList()
                        : List.of();
        return submissions
                .submittedBefore(submission.cveId)
                .map(
                        update ->
                                new Attempt(
                                        submission,
                                        account,
                                        client.request(record, update),
                                        broken));
    }

    private Uni<Outcome> send(Attempt attempt) {
        CveSubmission submission = attempt.submission();
        if (attempt.account() == null) {
            return outcome(submission, Status.NOT_CONFIGURED, null);
        }
        if (!attempt.broken().isEmpty()) {
            return outcome(submission, Status.REFUSED, "CNA rules: " + attempt.broken());
        }
        Request request = attempt.request();
        if (config.dryRun()) {
            LOG.infof(
                    "Dry run: %s %s%s for program %s as %s/%s, not sent",
                    request.method(),
                    config.url(),
                    request.path(),
                    submission.programSlug,
                    attempt.account().organisation(),
                    attempt.account().user());
            return outcome(submission, Status.DRY_RUN, null);
        }
        return client.send(attempt.account(), request)
                .map(ignored -> new Outcome(submission.id, Status.SUBMITTED, null))
                .onFailure(CveServicesRefusal.class)
                .recoverWithItem(
                        refusal -> new Outcome(submission.id, Status.REFUSED, refusal.getMessage()))
                .onFailure()
                .recoverWithItem(
                        failure ->
                                new Outcome(submission.id, Status.PENDING, failure.getMessage()));
    }

    private static Uni<Outcome> outcome(CveSubmission submission, Status status, String error) {
        return Uni.createFrom().item(new Outcome(submission.id, status, error));
    }

    private Uni<Integer> record(List<Outcome> outcomes, OffsetDateTime now) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        var byId = outcomes.stream().collect(Collectors.toMap(Outcome::id, outcome -> outcome));
        return Transactions.inTransaction(
                () ->
                        submissions
                                .list("id in ?1", byId.keySet())
                                .chain(
                                        found ->
                                                Multi.createFrom()
                                                        .iterable(found)
                                                        .onItem()
                                                        .transformToUniAndConcatenate(
                                                                submission ->
                                                                        apply(
                                                                                submission,
                                                                                byId.get(
                                                                                        submission
                                                                                                .id),
                                                                                now))
                                                        .collect()
                                                        .asList()
                                                        .map(List::size)));
    }

    private Uni<Void> apply(CveSubmission submission, Outcome outcome, OffsetDateTime now) {
        submission.status = outcome.status();
        submission.lastError = abbreviated(outcome.error());
        if (outcome.status() == Status.PENDING) {
            submission.attempts++;
            submission.nextAttemptAt = now.plus(pause(submission.attempts));
            LOG.warnf(
                    "CVE record %s of program %s not submitted (attempt %d): %s",
                    submission.cveId,
                    submission.programSlug,
                    submission.attempts,
                    submission.lastError);
            return Uni.createFrom().voidItem();
        }
        if (outcome.status() == Status.NOT_CONFIGURED || outcome.status() == Status.DRY_RUN) {
            // Nothing reached CVE Services: kept, not audited.
            LOG.infof(
                    "CVE record %s of program %s kept, not sent (%s)",
                    submission.cveId, submission.programSlug, outcome.status());
            return Uni.createFrom().voidItem();
        }
        if (outcome.status() == Status.REFUSED) {
            LOG.warnf(
                    "CVE record %s of program %s refused: %s",
                    submission.cveId, submission.programSlug, submission.lastError);
            return auditOf(submission, "cve-record-refused", now);
        }
        submission.submittedAt = now;
        Uni<Void> announced =
                submission.reportId == null
                        ? Uni.createFrom().voidItem()
                        : outbox.stage(
                                        new CveRecordPublished(
                                                submission.reportId.toString(),
                                                submission.programSlug,
                                                submission.cveId,
                                                submission.recordState,
                                                submission.advisoryId == null
                                                        ? null
                                                        : submission.advisoryId.toString(),
                                                now.toInstant()))
                                .replaceWithVoid();
        return announced.chain(() -> auditOf(submission, "cve-record-submitted", now));
    }

    private Uni<Void> auditOf(CveSubmission submission, String action, OffsetDateTime now) {
        return submission.advisoryId == null
                ? Uni.createFrom().voidItem()
                : audit.record(
                        submission.advisoryId,
                        action,
                        "cve-services",
                        submission.cveId
                                + (submission.lastError == null ? "" : ": " + submission.lastError),
                        now.toInstant());
    }

    /** 30 s, 1 min, 2 min, … at most an hour. */
    private static Duration pause(int attempts) {
        Duration pause = Duration.ofSeconds(30).multipliedBy(1L << Math.min(attempts - 1, 10));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }
}
