package dev.embargo.notify.service;

import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.notify.domain.DeliveryStatus;
import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.domain.EmailKind;
import dev.embargo.notify.domain.ReporterContact;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import dev.embargo.notify.repository.ReporterContactRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

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

    ReporterNotifications(ReporterContactRepository contacts, EmailDeliveryRepository deliveries,
            PromisedDateLines promisedDateLines) {
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
        UUID reportId = UUID.fromString(acknowledgement.reportId());
        return contacts.findById(reportId).chain(contact -> {
            if (contact == null) {
                // Same topic, same key, same partition: report.submitted always comes first.
                return Uni.createFrom().failure(new IllegalStateException(
                        "Acknowledgement for report " + reportId + " arrived before its submission"));
            }
            if (contact.sealedEmail == null) {
                return Uni.createFrom().voidItem();
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            EmailDelivery delivery = new EmailDelivery();
            delivery.id = UUID.randomUUID();
            delivery.reportId = reportId;
            delivery.kind = EmailKind.ACKNOWLEDGEMENT;
            delivery.trackingId = acknowledgement.trackingId();
            delivery.programSlug = acknowledgement.programSlug();
            delivery.sealedRecipient = contact.sealedEmail;
            delivery.promisedDates = promisedDateLines.fromEvent(acknowledgement.promisedDates());
            delivery.status = DeliveryStatus.PENDING;
            delivery.createdAt = now;
            delivery.nextAttemptAt = now;
            return deliveries.queueOnce(delivery).replaceWithVoid();
        });
    }
}
