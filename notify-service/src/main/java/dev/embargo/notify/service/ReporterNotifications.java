package dev.embargo.notify.service;

import dev.embargo.contracts.advisory.AdvisoryPublished;
import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseMessagePosted;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.CaseStatusUpdate;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportStatus;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.contracts.report.ReporterKeyProvided;
import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.domain.EmailKind;
import dev.embargo.notify.domain.ReporterContact;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import dev.embargo.notify.repository.ReporterContactRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Decides which emails reporters are owed. It only queues them, in the consumer's transaction;
 * {@link EmailDispatcher} sends them, so a slow or absent SMTP server never holds up the event
 * stream and never loses an email.
 */
@ApplicationScoped
public class ReporterNotifications {

    private static final Logger LOG = Logger.getLogger(ReporterNotifications.class);

    /** The moves a reporter hears about by email; the others show on the status page. */
    private static final Map<ReportStatus, String> MEANINGS =
            Map.of(
                    ReportStatus.NEEDS_INFO,
                            "The security team needs more information from you; please check the"
                                    + " status page.",
                    ReportStatus.ACCEPTED,
                            "The security team confirmed the vulnerability and will fix it.",
                    ReportStatus.DUPLICATE,
                            "The vulnerability was already reported; you keep your credit with the"
                                    + " first report.",
                    ReportStatus.OUT_OF_SCOPE, "The report falls outside the program's scope.",
                    ReportStatus.WONT_FIX, "The security team decided not to fix this issue.",
                    ReportStatus.FIXING, "A fix is being prepared.",
                    ReportStatus.PUBLISHED, "The fix and its advisory are public.",
                    ReportStatus.CLOSED, "The case is closed.");

    private static final java.util.Set<ReportStatus> TOLD_STATES = MEANINGS.keySet();

    private final ReporterContactRepository contacts;
    private final EmailDeliveryRepository deliveries;
    private final DeadlineLines deadlineLines;
    private final EmailDetails details;

    ReporterNotifications(
            ReporterContactRepository contacts,
            EmailDeliveryRepository deliveries,
            DeadlineLines deadlineLines,
            EmailDetails details) {
        this.details = details;
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.deadlineLines = deadlineLines;
    }

    public Uni<Void> rememberContact(ReportSubmitted report) {
        UUID reportId = UUID.fromString(report.reportId());
        return contacts.findById(reportId)
                .chain(
                        known -> {
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

    /** Remembers the reporter's OpenPGP key; emails queued from now on are encrypted to it. */
    public Uni<Void> rememberKey(ReporterKeyProvided key) {
        return contacts.findById(UUID.fromString(key.reportId()))
                .chain(
                        contact -> {
                            if (contact == null) {
                                // Same topic, same key, same partition: report.submitted always
                                // comes first.
                                return Uni.createFrom()
                                        .failure(
                                                new IllegalStateException(
                                                        "Key for report "
                                                                + key.reportId()
                                                                + " arrived before its"
                                                                + " submission"));
                            }
                            contact.sealedPublicKey = key.sealedPublicKey();
                            LOG.infof(
                                    "Emails for %s are encrypted to OpenPGP key %s from now on",
                                    contact.trackingId, key.fingerprint());
                            return Uni.createFrom().voidItem();
                        });
    }

    /**
     * Queues the acknowledgement, unless the reporter left no address or was already acknowledged.
     */
    public Uni<Void> queueAcknowledgement(ReportAcknowledged acknowledgement) {
        return toReporter(
                acknowledgement.reportId(),
                EmailKind.ACKNOWLEDGEMENT,
                "",
                delivery ->
                        delivery.deadlines = deadlineLines.fromEvent(acknowledgement.deadlines()));
    }

    /** Queues the status update the policy owes the reporter; the update's number makes it once. */
    public Uni<Void> queueStatusUpdate(CaseStatusUpdate update) {
        return toReporter(
                update.reportId(),
                EmailKind.STATUS_UPDATE,
                "update-" + update.sequence(),
                delivery -> {
                    delivery.deadlines = deadlineLines.fromEvent(update.deadlines());
                    delivery.details =
                            details.write(Map.of("status", update.status().replace('_', ' ')));
                });
    }

    /**
     * Queues a status change email when the report reaches a state worth telling its reporter; the
     * state and the time of the move make it once.
     */
    public Uni<Void> queueStatusChange(CaseStateChanged change) {
        ReportStatus status = ReportStatus.forCaseState(change.to());
        if (!TOLD_STATES.contains(status) || status == ReportStatus.forCaseState(change.from())) {
            return Uni.createFrom().voidItem();
        }
        return toReporter(
                change.reportId(),
                EmailKind.STATUS_CHANGE,
                status.wireName() + "@" + change.changedAt(),
                delivery ->
                        delivery.details =
                                details.write(
                                        Map.of(
                                                "status",
                                                status.wireName().replace('_', ' '),
                                                "meaning",
                                                MEANINGS.get(status))));
    }

    /**
     * Queues the email that gives the reporter the case's CVE ID as soon as it is assigned; the ID
     * makes it once (a later, different ID is news again).
     */
    public Uni<Void> queueCveAssigned(CaseCveAssigned assigned) {
        return toReporter(
                assigned.reportId(),
                EmailKind.CVE_ASSIGNED,
                assigned.cveId(),
                delivery ->
                        delivery.details =
                                details.write(
                                        Map.of(
                                                "cveId",
                                                assigned.cveId(),
                                                "assigner",
                                                assigned.assigner() == null
                                                        ? "the CVE Program"
                                                        : assigned.assigner())));
    }

    /** Queues the team's message for the reporter; the message id makes it once. */
    public Uni<Void> queueTeamMessage(CaseMessagePosted message) {
        return toReporter(
                message.reportId(),
                EmailKind.TEAM_MESSAGE,
                message.messageId(),
                delivery -> delivery.sealedBody = message.sealedBody());
    }

    /**
     * Queues the "advisory published" email to the reporter of each report the advisory answers,
     * for its first publication only (later revisions are not news to them); the advisory id makes
     * it once.
     */
    public Uni<Void> queueAdvisoryPublished(AdvisoryPublished published) {
        if (published.revision() != 1) {
            return Uni.createFrom().voidItem();
        }
        Map<String, String> said =
                Map.of(
                        "advisoryId",
                        published.publicId(),
                        "title",
                        published.title(),
                        "url",
                        published.url(),
                        "credits",
                        published.credits().isEmpty()
                                ? "none"
                                : String.join(", ", published.credits()));
        return Multi.createFrom()
                .iterable(published.reportIds())
                .onItem()
                .transformToUniAndConcatenate(
                        reportId ->
                                toReporter(
                                        reportId,
                                        EmailKind.ADVISORY_PUBLISHED,
                                        "advisory-" + published.advisoryId(),
                                        delivery -> delivery.details = details.write(said)))
                .collect()
                .asList()
                .replaceWithVoid();
    }

    private Uni<Void> toReporter(
            String reportIdText, EmailKind kind, String occasion, Consumer<EmailDelivery> content) {
        UUID reportId = UUID.fromString(reportIdText);
        return contacts.findById(reportId)
                .chain(
                        contact -> {
                            if (contact == null) {
                                // Same topic, same key, same partition: report.submitted always
                                // comes first.
                                return Uni.createFrom()
                                        .failure(
                                                new IllegalStateException(
                                                        kind
                                                                + " for report "
                                                                + reportId
                                                                + " arrived before its"
                                                                + " submission"));
                            }
                            if (contact.sealedEmail == null) {
                                return Uni.createFrom().voidItem();
                            }
                            EmailDelivery delivery =
                                    EmailDelivery.pending(
                                            reportId,
                                            kind,
                                            occasion,
                                            contact.trackingId,
                                            contact.programSlug,
                                            contact.sealedEmail,
                                            OffsetDateTime.now(ZoneOffset.UTC));
                            delivery.sealedEncryptTo = contact.sealedPublicKey;
                            content.accept(delivery);
                            return deliveries.queueOnce(delivery).replaceWithVoid();
                        });
    }
}
