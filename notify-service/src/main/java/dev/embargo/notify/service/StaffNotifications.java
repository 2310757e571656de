package dev.embargo.notify.service;

import dev.embargo.contracts.report.DeadlineApproaching;
import dev.embargo.contracts.report.DeadlineBreached;
import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.contracts.report.ReportMessagePosted;
import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.domain.EmailKind;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Emails the program's security team: when a deadline is about to be missed and when it was (once
 * per step and due time: a new due time is warned about again), when the reporter wrote and when
 * the reporter escalated a late step.
 */
@ApplicationScoped
public class StaffNotifications {

    private static final Logger LOG = Logger.getLogger(StaffNotifications.class);

    private final ProgramContacts teams;
    private final EmailDeliveryRepository deliveries;
    private final EmailDetails details;

    StaffNotifications(
            ProgramContacts teams, EmailDeliveryRepository deliveries, EmailDetails details) {
        this.teams = teams;
        this.deliveries = deliveries;
        this.details = details;
    }

    public Uni<Void> queueWarning(DeadlineApproaching warning) {
        return toTeam(
                EmailKind.DEADLINE_APPROACHING,
                warning.reportId(),
                warning.trackingId(),
                warning.programSlug(),
                warning.step(),
                warning.dueAt(),
                warning.caseState(),
                warning.owner());
    }

    public Uni<Void> queueBreach(DeadlineBreached breach) {
        return toTeam(
                EmailKind.DEADLINE_BREACHED,
                breach.reportId(),
                breach.trackingId(),
                breach.programSlug(),
                breach.step(),
                breach.dueAt(),
                breach.caseState(),
                breach.owner());
    }

    /**
     * Tells the team the reporter wrote; the text stays in the case, out of mailboxes. Once per
     * message.
     */
    public Uni<Void> queueReporterMessage(ReportMessagePosted posted) {
        return toTeam(
                EmailKind.REPORTER_MESSAGE,
                posted.reportId(),
                posted.trackingId(),
                posted.programSlug(),
                posted.messageId(),
                Map.of());
    }

    /**
     * Tells the team the reporter escalated a late step; the message stays in the case, out of
     * mailboxes. Once per escalation.
     */
    public Uni<Void> queueEscalation(ReportEscalated escalated) {
        Map<String, String> said = new LinkedHashMap<>();
        said.put("step", DeadlineLines.labelOf(escalated.step()));
        said.put(
                "dueAt",
                escalated.dueAt() == null
                        ? "no set time"
                        : DeadlineLines.WHEN.format(escalated.dueAt()));
        return toTeam(
                EmailKind.REPORTER_ESCALATION,
                escalated.reportId(),
                escalated.trackingId(),
                escalated.programSlug(),
                escalated.escalationId(),
                said);
    }

    private Uni<Void> toTeam(
            EmailKind kind,
            String reportId,
            String trackingId,
            String programSlug,
            String step,
            Instant dueAt,
            String caseState,
            String owner) {
        Map<String, String> said = new LinkedHashMap<>();
        said.put("step", DeadlineLines.labelOf(step));
        said.put("dueAt", DeadlineLines.WHEN.format(dueAt));
        said.put("caseState", caseState.replace('_', ' '));
        said.put("owner", owner == null ? "nobody yet" : owner);
        return toTeam(kind, reportId, trackingId, programSlug, step + "@" + dueAt, said);
    }

    private Uni<Void> toTeam(
            EmailKind kind,
            String reportId,
            String trackingId,
            String programSlug,
            String occasion,
            Map<String, String> said) {
        return teams.find(programSlug)
                .chain(
                        team -> {
                            if (team != null && team.addresses().isEmpty()) {
                                LOG.warnf(
                                        "Program %s lists no contact address: nobody to send %s"
                                                + " about %s",
                                        programSlug, kind, trackingId);
                                return Uni.createFrom().voidItem();
                            }
                            // No recipient: the dispatcher addresses the team of the revision in
                            // force when it sends, and waits for the program when its revision
                            // has not reached notify yet (its topic may lag behind the case's).
                            EmailDelivery delivery =
                                    EmailDelivery.pending(
                                            UUID.fromString(reportId),
                                            kind,
                                            occasion,
                                            trackingId,
                                            programSlug,
                                            null,
                                            OffsetDateTime.now(ZoneOffset.UTC));
                            delivery.details = details.write(said);
                            return deliveries.queueOnce(delivery).replaceWithVoid();
                        });
    }
}
