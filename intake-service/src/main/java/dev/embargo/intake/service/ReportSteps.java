package dev.embargo.intake.service;

import dev.embargo.contracts.report.DeadlineBreached;
import dev.embargo.intake.domain.MissedStep;
import dev.embargo.intake.domain.PromisedSteps;
import dev.embargo.intake.domain.Report;
import dev.embargo.intake.domain.ReportMessage;
import dev.embargo.intake.repository.MissedStepRepository;
import dev.embargo.intake.repository.ReportMessageRepository;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.model.Program;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A report's promised steps as the reporter sees them: the dates triage sent, the steps triage said
 * were missed, and the program's escalation threshold counted from its last answer.
 */
@ApplicationScoped
public class ReportSteps {

    private final ReportService reports;
    private final MissedStepRepository missedSteps;
    private final ReportMessageRepository messages;
    private final ProgramCatalog catalog;

    ReportSteps(
            ReportService reports,
            MissedStepRepository missedSteps,
            ReportMessageRepository messages,
            ProgramCatalog catalog) {
        this.reports = reports;
        this.missedSteps = missedSteps;
        this.messages = messages;
        this.catalog = catalog;
    }

    /** Keeps triage's word that a step was missed; called inside the consumer's transaction. */
    public Uni<Void> recordMissed(DeadlineBreached breach) {
        MissedStep missed = new MissedStep();
        missed.id = TimeOrderedIds.next();
        missed.reportId = UUID.fromString(breach.reportId());
        missed.step = breach.step();
        missed.dueAt = breach.dueAt().atOffset(ZoneOffset.UTC);
        missed.noticedAt = breach.raisedAt().atOffset(ZoneOffset.UTC);
        return missedSteps.persist(missed).replaceWithVoid();
    }

    /** The report's steps now, read in a session of their own. */
    public Uni<PromisedSteps> current(Report report) {
        return Transactions.inSession(() -> of(report, Instant.now()));
    }

    /** The report's steps at {@code now}; inside a session (its reads run one after another). */
    public Uni<PromisedSteps> of(Report report, Instant now) {
        return missedSteps
                .forReport(report.id)
                .chain(
                        missed ->
                                messages.forReport(report.id)
                                        .map(conversation -> lastAnswer(report, conversation))
                                        .chain(
                                                lastAnswer ->
                                                        programOf(report)
                                                                .map(
                                                                        program ->
                                                                                steps(
                                                                                        report,
                                                                                        missed,
                                                                                        program,
                                                                                        lastAnswer,
                                                                                        now))));
    }

    private PromisedSteps steps(
            Report report,
            List<MissedStep> missed,
            Program program,
            Instant lastAnswer,
            Instant now) {
        return PromisedSteps.of(
                reports.deadlinesOf(report), report.status, missed, program, lastAnswer, now);
    }

    /** The program in force; null when intake no longer lists it (then it sets no threshold). */
    private Uni<Program> programOf(Report report) {
        return catalog.inForce(report.programSlug)
                .map(ProgramCatalog.InForce::program)
                .onFailure(ProblemException.class)
                .recoverWithNull();
    }

    private static Instant lastAnswer(Report report, List<ReportMessage> conversation) {
        Stream<OffsetDateTime> teamMessages =
                conversation.stream()
                        .filter(message -> ReportMessage.SECURITY_TEAM.equals(message.author))
                        .map(message -> message.postedAt);
        return Stream.concat(Stream.of(report.submittedAt, report.acknowledgedAt), teamMessages)
                .filter(Objects::nonNull)
                .map(OffsetDateTime::toInstant)
                .max(Instant::compareTo)
                .orElseThrow();
    }
}
