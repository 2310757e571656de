package dev.embargo.intake.service;

import dev.embargo.contracts.report.Deadline;
import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.intake.domain.Escalation;
import dev.embargo.intake.domain.Report;
import dev.embargo.intake.domain.StepState;
import dev.embargo.intake.repository.EscalationRepository;
import dev.embargo.intake.repository.ReportRepository;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The reporter escalates a promised step that is late: accepted once per step per {@link #PERIOD},
 * kept with the message sealed and announced as {@code report.escalated} in the same transaction.
 * The report row is locked while the period is checked, so two escalations sent at once are one.
 */
@ApplicationScoped
public class ReportEscalations {

    /** How long after an escalation of a step the reporter waits before escalating it again. */
    public static final Duration PERIOD = Duration.ofDays(7);

    private final ReportRepository reports;
    private final EscalationRepository escalations;
    private final ReporterTokens tokens;
    private final ReportService service;
    private final Outbox outbox;
    private final FieldCipher cipher;

    ReportEscalations(
            ReportRepository reports,
            EscalationRepository escalations,
            ReporterTokens tokens,
            ReportService service,
            Outbox outbox,
            FieldCipher cipher) {
        this.reports = reports;
        this.escalations = escalations;
        this.tokens = tokens;
        this.service = service;
        this.outbox = outbox;
        this.cipher = cipher;
    }

    public Uni<Escalation> escalate(String trackingId, String token, String step, String message) {
        return Transactions.inTransaction(
                () ->
                        reports.findByTrackingIdForUpdate(trackingId)
                                .map(found -> tokens.authorise(found, token))
                                .chain(
                                        report ->
                                                escalations
                                                        .forReport(report.id)
                                                        .chain(
                                                                earlier ->
                                                                        escalate(
                                                                                report, earlier,
                                                                                step, message))));
    }

    public Uni<List<Escalation>> escalationsOf(UUID reportId) {
        return Transactions.inSession(() -> escalations.forReport(reportId));
    }

    private Uni<Escalation> escalate(
            Report report, List<Escalation> earlier, String step, String message) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Deadline> deadlines = service.deadlinesOf(report);
        Deadline promised =
                deadlines.stream()
                        .filter(deadline -> deadline.step().equals(step))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                Problem.of(
                                                        Status.BAD_REQUEST,
                                                        "The report has no promised step '"
                                                                + step
                                                                + "'.")));
        if (deadlines.stream()
                .noneMatch(deadline -> StepState.of(deadline, report.status, now).isLate())) {
            throw refused(
                    "nothing-late", "No promised step is late; there is nothing to escalate.");
        }
        if (!StepState.of(promised, report.status, now).isLate()) {
            throw refused("step-not-late", "The step '" + step + "' is not late.");
        }
        earlier.stream()
                .filter(escalation -> escalation.step.equals(step))
                .map(escalation -> escalation.receivedAt.toInstant().plus(PERIOD))
                .max(Comparator.naturalOrder())
                .filter(next -> next.isAfter(now))
                .ifPresent(
                        next -> {
                            throw refused(
                                    "escalated-recently",
                                    "The step '"
                                            + step
                                            + "' was escalated less than "
                                            + PERIOD.toDays()
                                            + " days ago; the next escalation is possible from "
                                            + next
                                            + ".");
                        });
        Escalation escalation = new Escalation();
        escalation.id = TimeOrderedIds.next();
        escalation.reportId = report.id;
        escalation.step = step;
        escalation.sealedMessage = cipher.seal(message);
        escalation.receivedAt = now.atOffset(ZoneOffset.UTC);
        return escalations
                .persist(escalation)
                .chain(
                        () ->
                                outbox.stage(
                                        new ReportEscalated(
                                                report.id.toString(),
                                                report.trackingId,
                                                report.programSlug,
                                                escalation.id.toString(),
                                                step,
                                                promised.dueAt(),
                                                escalation.sealedMessage,
                                                now)))
                .replaceWith(escalation);
    }

    private static ProblemException refused(String slug, String detail) {
        return new ProblemException(Problem.typed(slug, 409, "Conflict", detail));
    }
}
