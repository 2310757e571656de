package dev.embargo.intake.service;

import dev.embargo.contracts.EventPayload;
import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.domain.PublishedProgram;
import dev.embargo.intake.domain.Report;
import dev.embargo.intake.repository.ProgramRepository;
import dev.embargo.intake.repository.ReportRepository;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.SessionContexts;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Stores the reports submitted without files in shared transactions (group commit).
 *
 * <p>Stored one at a time, a report took six round trips to PostgreSQL and a transaction of its
 * own, and under load that was where intake and PostgreSQL spent most of their time. Here the
 * reports that arrive while earlier ones are being written wait for the next free writer, which
 * stores all of them at once: one transaction, one statement per table for the whole batch. A
 * report that arrives alone is written at once; nobody waits for a batch to fill.
 *
 * <p>A report its program refuses (422) is answered without touching the others. If a batch's
 * transaction fails, its reports are stored again one per transaction, so that a report the
 * database refuses cannot fail the reports that happened to share its transaction. Like {@code
 * Transactions}, a writer runs to its end when a caller hangs up.
 *
 * <p>One writer at a time, unless a full batch waits. Concurrent writers split those waiting into
 * smaller batches (about 5 reports each for 32 researchers, against 15 for one writer), and what a
 * transaction costs PostgreSQL is largely per batch: on 2 cores four writers cost it 0.31–0.39 ms
 * of CPU per report against 0.12–0.15 ms for one, and intake took 30–40 % fewer reports a second
 * (the top-level README's benchmark figures). A further writer starts only when one cannot take
 * everybody waiting. What needs no database (sealing, the token's hash) is done before a submission
 * joins the queue, on its request's own thread, so that the writer's turn is spent numbering and
 * storing.
 */
@ApplicationScoped
public class SubmissionBatches {

    private static final Logger LOG = Logger.getLogger(SubmissionBatches.class);

    private final Pool pool;
    private final ProgramRepository programs;
    private final ReportRepository reports;
    private final ReportAcceptance acceptance;
    private final ReporterTokens tokens;
    private final Outbox outbox;
    private final int maxBatchSize;
    private final int maxWriters;
    private final DistributionSummary batchSizes;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

    /** How many wait: {@code ConcurrentLinkedQueue.size()} walks the whole queue. */
    private final AtomicInteger waitingCount = new AtomicInteger();

    private final AtomicInteger writers = new AtomicInteger();

    SubmissionBatches(
            Pool pool,
            ProgramRepository programs,
            ReportRepository reports,
            ReportAcceptance acceptance,
            ReporterTokens tokens,
            Outbox outbox,
            IntakeConfig config,
            MeterRegistry registry) {
        this.pool = pool;
        this.programs = programs;
        this.reports = reports;
        this.acceptance = acceptance;
        this.tokens = tokens;
        this.outbox = outbox;
        this.maxBatchSize = config.submissions().maxBatchSize();
        this.maxWriters = config.submissions().maxConcurrentBatches();
        this.batchSizes =
                DistributionSummary.builder("embargo.intake.submission.batch.size")
                        .description("Reports stored by one transaction")
                        .register(registry);
    }

    /** The report accepted, or the problem that refused it. */
    public Uni<AcceptedReport> submit(NewReport submission) {
        return Uni.createFrom()
                .emitter(
                        caller -> {
                            String token = tokens.issue();
                            Report sealed = acceptance.sealed(submission, token);
                            waiting.add(
                                    new Waiting(
                                            submission,
                                            sealed,
                                            token,
                                            caller,
                                            SessionContexts.current()));
                            waitingCount.incrementAndGet();
                            writeWaiting();
                        });
    }

    /**
     * Starts a writer while submissions wait and none is busy, or a full batch waits and fewer than
     * the maximum are busy; a writer that finishes looks again.
     */
    private void writeWaiting() {
        while (!waiting.isEmpty()) {
            int busy = writers.get();
            if (busy >= maxWriters || busy > 0 && waitingCount.get() < maxBatchSize) {
                return;
            }
            if (writers.compareAndSet(busy, busy + 1)) {
                List<Waiting> batch = takeBatch();
                if (batch.isEmpty()) {
                    writers.decrementAndGet();
                } else {
                    write(batch).subscribe().with(done -> writerDone(), failure -> writerDone());
                }
            }
        }
    }

    private void writerDone() {
        writers.decrementAndGet();
        writeWaiting();
    }

    private List<Waiting> takeBatch() {
        List<Waiting> batch = new ArrayList<>();
        Waiting next;
        while (batch.size() < maxBatchSize && (next = waiting.poll()) != null) {
            waitingCount.decrementAndGet();
            batch.add(next);
        }
        return batch;
    }

    /** Stores the batch and answers everyone in it; never fails. */
    private Uni<Void> write(List<Waiting> batch) {
        batchSizes.record(batch.size());
        return pool.withConnection(connection -> store(connection, batch))
                .invoke(
                        outcomes -> {
                            for (int i = 0; i < batch.size(); i++) {
                                batch.get(i).answer(outcomes[i]);
                            }
                        })
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(
                        failure -> {
                            if (batch.size() == 1) {
                                batch.getFirst().answer(Outcome.refused(failure));
                                return Uni.createFrom().voidItem();
                            }
                            // Only the kind of failure: the database's message may quote what a
                            // reporter sent.
                            LOG.warnf(
                                    "A batch of %d reports failed (%s); storing them one by one",
                                    batch.size(), failure.getClass().getSimpleName());
                            Uni<Void> oneByOne = Uni.createFrom().voidItem();
                            for (Waiting one : batch) {
                                oneByOne = oneByOne.chain(() -> write(List.of(one)));
                            }
                            return oneByOne;
                        });
    }

    /**
     * The batch's reports and events, on one transaction; refused submissions get their reason and
     * are left out. {@code BEGIN} goes out with the reads (the programs, a tracking number for
     * everyone) and {@code COMMIT} with the writes, all pipelined by the connection: two round
     * trips where the client's transaction API takes four, and one writer's round trips are what
     * paces intake's peak. A failed statement makes PostgreSQL answer the pipelined {@code COMMIT}
     * with a rollback; the explicit {@code ROLLBACK} after any failure leaves the connection clean
     * for the pool whatever failed. A refused submission leaves a gap in the numbers, as a rolled
     * back transaction does.
     */
    private Uni<Outcome[]> store(SqlConnection connection, List<Waiting> batch) {
        Set<String> slugs =
                batch.stream().map(one -> one.submission().program()).collect(Collectors.toSet());
        return Uni.combine()
                .all()
                .unis(
                        connection.query("BEGIN").execute(),
                        programs.findBySlugs(connection, slugs),
                        reports.nextTrackingNumbers(connection, batch.size()))
                .asTuple()
                .chain(
                        read -> {
                            Map<String, PublishedProgram> programsBySlug = read.getItem2();
                            List<Long> numbers = read.getItem3();
                            Outcome[] outcomes = judge(batch, programsBySlug);
                            List<Report> newReports = new ArrayList<>();
                            List<EventPayload> events = new ArrayList<>();
                            for (int i = 0; i < batch.size(); i++) {
                                if (outcomes[i] != null) {
                                    continue;
                                }
                                Waiting one = batch.get(i);
                                Report report =
                                        acceptance.admit(
                                                one.sealed(),
                                                programsBySlug.get(one.submission().program()),
                                                numbers.get(i));
                                newReports.add(report);
                                events.addAll(acceptance.eventsOf(report, one.submission()));
                                outcomes[i] =
                                        Outcome.accepted(new AcceptedReport(report, one.token()));
                            }
                            Uni<?> commit =
                                    newReports.isEmpty()
                                            ? connection.query("COMMIT").execute()
                                            : Uni.combine()
                                                    .all()
                                                    .unis(
                                                            reports.insertAll(
                                                                    connection, newReports),
                                                            outbox.stageAll(connection, events),
                                                            connection.query("COMMIT").execute())
                                                    .discardItems();
                            return commit.replaceWith(outcomes);
                        })
                .onFailure()
                .call(() -> connection.query("ROLLBACK").execute().onFailure().recoverWithNull());
    }

    /** A refusal for each submission its program cannot take, null for the others. */
    private Outcome[] judge(List<Waiting> batch, Map<String, PublishedProgram> programsBySlug) {
        Outcome[] outcomes = new Outcome[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            NewReport submission = batch.get(i).submission();
            try {
                acceptance.check(programsBySlug.get(submission.program()), submission);
            } catch (RuntimeException refused) {
                outcomes[i] = Outcome.refused(refused);
            }
        }
        return outcomes;
    }

    /**
     * A submission waiting for a writer, sealed with its token, and how to answer its caller on the
     * caller's own Vert.x context.
     */
    private record Waiting(
            NewReport submission,
            Report sealed,
            String token,
            UniEmitter<? super AcceptedReport> caller,
            Executor callerContext) {

        void answer(Outcome outcome) {
            callerContext.execute(
                    () -> {
                        if (outcome.refusal() != null) {
                            caller.fail(outcome.refusal());
                        } else {
                            caller.complete(outcome.accepted());
                        }
                    });
        }
    }

    /** What became of one submission. */
    private record Outcome(AcceptedReport accepted, Throwable refusal) {

        static Outcome accepted(AcceptedReport report) {
            return new Outcome(report, null);
        }

        static Outcome refused(Throwable reason) {
            return new Outcome(null, reason);
        }
    }
}
