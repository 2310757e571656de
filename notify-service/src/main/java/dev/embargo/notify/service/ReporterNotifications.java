package dev.embargo.notify.service;

import dev.embargo.contracts.report.CaseMessagePosted;
import dev.embargo.contracts.report.CaseStatusUpdate;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.domain.EmailKind;
import dev.embargo.notify.domain.ReporterContact;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import dev.embargo.notify.repository.ReporterContactRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Decides which emails reporters are owed. It only queues them, in the consumer's
 * transaction; {@link EmailDispatcher} sends them, so a slow or absent SMTP server never
 * holds up the event stream and never loses an email.
 */
@ApplicationScoped
public class ReporterNotifications {

    private final ReporterContactRepository contacts;
    private final EmailDeliveryRepository deliveries;
    private final PromisedDateLines promisedDateLines;
    private final EmailDetails details;

    ReporterNotifications(ReporterContactRepository contacts, EmailDeliveryRepository deliveries,
            PromisedDateLines promisedDateLines, EmailDetails details) {
        this.details = details;
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.promisedDateLines = promisedDateLines;
    }

    public Uni<Void> rememberContact(ReportSubmitted report) {
        UUID reportId = UUID.fromString(report.reportId());
        return contacts.findById(reportId).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            ReporterContact contact = new ReporterContact();
            contact.reportId = reportId;
            contact.trackingId = report.trackingId();
            contact.programSlug = report.programSlug();
            contact.sealedEmail = report.sealedReporterEmail();
            contact.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return contacts.persist(contact).replaceWithVoid();
        });
    }

    /** Queues the acknowledgement, unless the reporter left no address or was already acknowledged. */
    public Uni<Void> queueAcknowledgement(ReportAcknowledged acknowledgement) {
        return toReporter(acknowledgement.reportId(), EmailKind.ACKNOWLEDGEMENT, "", delivery ->
                delivery.promisedDates = promisedDateLines.fromEvent(acknowledgement.promisedDates()));
    }

    /** Queues the status update the policy owes the reporter; the update's number makes it once. */
    public Uni<Void> queueStatusUpdate(CaseStatusUpdate update) {
        return toReporter(update.reportId(), EmailKind.STATUS_UPDATE, "update-" + update.sequence(), delivery -> {
            delivery.promisedDates = promisedDateLines.fromEvent(update.promisedDates());
            delivery.details = details.write(Map.of("status", update.status().replace('_', ' ')));
        });
    }

    /** Queues the team's message for the reporter; the message id makes it once. */
    public Uni<Void> queueTeamMessage(CaseMessagePosted message) {
        return toReporter(message.reportId(), EmailKind.TEAM_MESSAGE, message.messageId(),
                delivery -> delivery.sealedBody = message.sealedBody());
    }

    private Uni<Void> toReporter(String reportIdText, EmailKind kind, String occasion, Consumer<EmailDelivery> content) {
        UUID reportId = UUID.fromString(reportIdText);
        return contacts.findById(reportId).chain(contact -> {
            if (contact == null) {
                // Same topic, same key, same partition: report.submitted always comes first.
                return Uni.createFrom().failure(new IllegalStateException(
                        kind + " for report " + reportId + " arrived before its submission"));
            }
            if (contact.sealedEmail == null) {
                return Uni.createFrom().voidItem();
            }
            EmailDelivery delivery = EmailDelivery.pending(reportId, kind, occasion, contact.trackingId,
                    contact.programSlug, contact.sealedEmail, OffsetDateTime.now(ZoneOffset.UTC));
            content.accept(delivery);
            return deliveries.queueOnce(delivery).replaceWithVoid();
        });
    }
}
