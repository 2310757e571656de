package dev.embargo.intake.service;

import dev.embargo.contracts.report.Deadline;
import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.intake.domain.Escalation;
import dev.embargo.intake.domain.PromisedSteps;
import dev.embargo.intake.domain.Report;
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
import java.util.Optional;
import java.util.UUID;

/**
 * The reporter escalates a promised step that is late, or one not yet met once the program's
 * escalation threshold passed ({@link PromisedSteps}): accepted once per step per {@link #PERIOD},
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
    private final ReportSteps steps;
    private final Outbox outbox;
    private final FieldCipher cipher;

    ReportEscalations(
            ReportRepository reports,
            EscalationRepository escalations,
            ReporterTokens tokens,
            ReportSteps steps,
            Outbox outbox,
            FieldCipher cipher) {
        this.reports = reports;
        this.escalations = escalations;
        this.tokens = tokens;
        this.steps = steps;
        this.outbox = outbox;
        this.cipher = cipher;
    }

    public Uni<Escalation> escalate(String trackingId, String token, String step, String message) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Transactions.inTransaction(
                () ->
                        reports.findByTrackingIdForUpdate(trackingId)
                                .map(found -> tokens.authorise(found, token))
                                .chain(
                                        report ->
                                                steps.of(report, now)
                                                        .chain(
                                                                promised ->
                                                                        escalations
                                                                                .forReport(
                                                                                        report.id)
                                                                                .chain(
                                                                                        earlier ->
                                                                                                escalate(
                                                                                                        report,
                                                                                                        promised,
                                                                                                        earlier,
                                                                                                        step,
                                                                                                        message,
                                                                                                        now)))));
    }

    public Uni<List<Escalation>> escalationsOf(UUID reportId) {
        return Transactions.inSession(() -> escalations.forReport(reportId));
    }

    private Uni<Escalation> escalate(
            Report report,
            PromisedSteps steps,
            List<Escalation> earlier,
            String step,
            String message,
            Instant now) {
        Deadline promised =
                steps.step(step)
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                Problem.of(
                                                        Status.BAD_REQUEST,
                                                        "The report has no promised step '"
                                                                + step
                                                                + "'.")));
        if (!steps.anyMayEscalate()) {
            throw refused(
                    "nothing-late",
                    "No promised step is late; there is nothing to escalate."
                            + Optional.ofNullable(steps.thresholdPassesAt())
                                    .filter(at -> at.isAfter(now))
                                    .map(
                                            at ->
                                                    " A step not yet met may be escalated from "
                                                            + at
                                                            + ", when the program has not"
                                                            + " answered for its escalation"
                                                            + " threshold.")
                                    .orElse(""));
        }
        if (!steps.mayEscalate(promised)) {
            throw refused("step-not-late", "The step '" + step + "' was met, or is not late yet.");
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
