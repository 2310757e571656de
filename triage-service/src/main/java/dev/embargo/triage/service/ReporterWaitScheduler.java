package dev.embargo.triage.service;

import dev.embargo.kit.work.RepeatingPass;
import dev.embargo.kit.work.Transactions;
import dev.embargo.triage.config.TriageConfig;
import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.CaseWait;
import dev.embargo.triage.repository.CaseRepository;
import dev.embargo.triage.repository.CaseWaitRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Ends a reporter's silence by triage's clock: halfway through it the reporter is reminded of the
 * question (once), at its end the case closes as "no response" and the reporter is told until when
 * an answer reopens it. Both reach the reporter as the team's messages (status page and email).
 * Safe with several replicas: each pass claims due waits with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class ReporterWaitScheduler {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final CaseWaitRepository waits;
    private final CaseRepository cases;
    private final CaseService caseService;
    private final CaseConversation conversation;
    private final TriageClock clock;
    private final TriageConfig config;
    private final RepeatingPass pass = new RepeatingPass("Reporter wait scan", this::runDue);

    ReporterWaitScheduler(
            CaseWaitRepository waits,
            CaseRepository cases,
            CaseService caseService,
            CaseConversation conversation,
            TriageClock clock,
            TriageConfig config) {
        this.waits = waits;
        this.cases = cases;
        this.caseService = caseService;
        this.conversation = conversation;
        this.clock = clock;
        this.config = config;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        pass.start(vertx, config.deadlines().scanInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        pass.stop();
    }

    /** One pass: every reminder and close due now, in one transaction per batch. */
    public Uni<Integer> runDue() {
        Instant now = clock.now();
        return Transactions.inTransaction(
                () ->
                        waits.claimDue(now.atOffset(ZoneOffset.UTC), config.deadlines().batchSize())
                                .chain(
                                        due ->
                                                Multi.createFrom()
                                                        .iterable(due)
                                                        .onItem()
                                                        .transformToUniAndConcatenate(
                                                                wait -> handle(wait, now))
                                                        .collect()
                                                        .asList()
                                                        .map(List::size)));
    }

    private Uni<Void> handle(CaseWait wait, Instant now) {
        return cases.findById(wait.caseId, LockModeType.PESSIMISTIC_WRITE)
                .chain(
                        vulnerabilityCase -> {
                            if (vulnerabilityCase.state != CaseState.NEEDS_INFO) {
                                // Left needs_info without ending its wait: nothing more to do.
                                return waits.delete(wait);
                            }
                            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                            if (!wait.closeAt.isAfter(at)) {
                                wait.closedAt = at;
                                wait.reopenUntil = at.plus(config.needsInfo().reopenWithin());
                                return caseService
                                        .closeForNoResponse(vulnerabilityCase, now)
                                        .chain(
                                                closed ->
                                                        conversation.send(
                                                                closed,
                                                                "We closed this report as \"no"
                                                                        + " response\": we did"
                                                                        + " not hear back about"
                                                                        + " our question. Answer"
                                                                        + " here by "
                                                                        + WHEN.format(
                                                                                wait.reopenUntil)
                                                                        + " to reopen it.",
                                                                CaseAudit.SYSTEM))
                                        .replaceWithVoid();
                            }
                            wait.remindedAt = at;
                            return conversation
                                    .send(
                                            vulnerabilityCase,
                                            "A reminder: we are waiting for your answer to our"
                                                    + " question. Without an answer by "
                                                    + WHEN.format(wait.closeAt)
                                                    + ", this report will be closed as \"no"
                                                    + " response\".",
                                            CaseAudit.SYSTEM)
                                    .replaceWithVoid();
                        });
    }
}
