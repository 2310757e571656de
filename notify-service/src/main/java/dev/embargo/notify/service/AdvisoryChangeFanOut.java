package dev.embargo.notify.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.advisory.AdvisorySuperseded;
import dev.embargo.contracts.advisory.AdvisoryWithdrawn;
import dev.embargo.contracts.advisory.CveRecordRejected;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.domain.EmailKind;
import dev.embargo.notify.domain.Partner;
import dev.embargo.notify.domain.WebhookDelivery;
import dev.embargo.notify.domain.WebhookStatus;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import dev.embargo.notify.repository.PartnerRepository;
import dev.embargo.notify.repository.WebhookDeliveryRepository;
import dev.embargo.notify.repository.WebhookEndpointRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tells every partner following a program that one of its published advisories changed after
 * publication: withdrawn, superseded, or its CVE record rejected. One webhook delivery per endpoint
 * and one email per partner contact, queued in the consumer's transaction, so once per event. All
 * of it is public already: no watermark, nothing embargoed.
 */
@ApplicationScoped
public class AdvisoryChangeFanOut {

    private final PartnerRepository partners;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final EmailDeliveryRepository emails;
    private final EmailDetails details;
    private final FieldCipher cipher;
    private final ObjectMapper json;

    AdvisoryChangeFanOut(
            PartnerRepository partners,
            WebhookEndpointRepository endpoints,
            WebhookDeliveryRepository deliveries,
            EmailDeliveryRepository emails,
            EmailDetails details,
            FieldCipher cipher,
            ObjectMapper json) {
        this.partners = partners;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.emails = emails;
        this.details = details;
        this.cipher = cipher;
        this.json = json;
    }

    public Uni<Void> withdrawn(AdvisoryWithdrawn withdrawn, String eventId) {
        return tell(
                new Change(
                        "advisory.withdrawn",
                        withdrawn.programSlug(),
                        withdrawn.publicId(),
                        "withdrawn",
                        withdrawn.publicId()
                                + " ("
                                + withdrawn.title()
                                + ") was withdrawn: it was published in error.\n\nReason: "
                                + withdrawn.reason()
                                + "\n\n"
                                + withdrawn.url(),
                        withdrawn.withdrawnAt()),
                withdrawn,
                eventId);
    }

    public Uni<Void> superseded(AdvisorySuperseded superseded, String eventId) {
        return tell(
                new Change(
                        "advisory.superseded",
                        superseded.programSlug(),
                        superseded.publicId(),
                        "superseded by " + superseded.successorPublicId(),
                        superseded.publicId()
                                + " ("
                                + superseded.title()
                                + ") is superseded by "
                                + superseded.successorPublicId()
                                + ": "
                                + superseded.successorUrl()
                                + "\n\nReason: "
                                + superseded.reason()
                                + "\n\n"
                                + superseded.url(),
                        superseded.supersededAt()),
                superseded,
                eventId);
    }

    public Uni<Void> cveRecordRejected(CveRecordRejected rejected, String eventId) {
        return tell(
                new Change(
                        "cve.record.rejected",
                        rejected.programSlug(),
                        rejected.publicId(),
                        rejected.cveId() + " rejected",
                        "The CVE record "
                                + rejected.cveId()
                                + " of "
                                + rejected.publicId()
                                + " was rejected.\n\nReason: "
                                + rejected.reason()
                                + "\n\n"
                                + rejected.url(),
                        rejected.rejectedAt()),
                rejected,
                eventId);
    }

    /**
     * What partners are told: the webhook type, the email's subject line and text, and when.
     *
     * @param about appended to the email subject, e.g. "withdrawn"
     */
    private record Change(
            String type,
            String programSlug,
            String publicId,
            String about,
            String message,
            Instant at) {}

    private Uni<Void> tell(Change change, EventPayload event, String eventId) {
        return partners.listAll()
                .chain(
                        all -> {
                            List<Partner> following =
                                    all.stream()
                                            .filter(
                                                    partner ->
                                                            partner.programList()
                                                                    .contains(change.programSlug()))
                                            .toList();
                            if (following.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            OffsetDateTime now =
                                    OffsetDateTime.now(ZoneOffset.UTC)
                                            .truncatedTo(ChronoUnit.MICROS);
                            Set<UUID> ids =
                                    following.stream()
                                            .map(partner -> partner.id)
                                            .collect(Collectors.toSet());
                            String body = cipher.seal(body(change, event));
                            return endpoints
                                    .list("partnerId in ?1", ids)
                                    .chain(
                                            targets ->
                                                    deliveries.persist(
                                                            targets.stream()
                                                                    .map(
                                                                            endpoint ->
                                                                                    webhook(
                                                                                            endpoint.id,
                                                                                            endpoint.partnerId,
                                                                                            change,
                                                                                            body,
                                                                                            eventId,
                                                                                            now))
                                                                    .toList()))
                                    .chain(() -> emails.persist(emails(following, change, now)));
                        });
    }

    private static WebhookDelivery webhook(
            UUID endpointId,
            UUID partnerId,
            Change change,
            String sealedBody,
            String eventId,
            OffsetDateTime now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = TimeOrderedIds.next();
        delivery.endpointId = endpointId;
        delivery.partnerId = partnerId;
        delivery.sourceEventId = eventId;
        delivery.eventType = change.type();
        delivery.sealedPayload = sealedBody;
        delivery.status = WebhookStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    private List<EmailDelivery> emails(List<Partner> following, Change change, OffsetDateTime now) {
        return following.stream()
                .filter(partner -> partner.sealedContact != null)
                .map(
                        partner -> {
                            EmailDelivery email =
                                    EmailDelivery.pending(
                                            null,
                                            EmailKind.ADVISORY_CHANGED,
                                            change.type(),
                                            change.publicId(),
                                            change.programSlug(),
                                            partner.sealedContact,
                                            now);
                            email.partnerId = partner.id;
                            email.sealedBody = cipher.seal(change.message());
                            email.details =
                                    details.write(
                                            Map.of(
                                                    "partnerName",
                                                    partner.name,
                                                    "step",
                                                    change.about()));
                            return email;
                        })
                .toList();
    }

    /** The Standard Webhooks body: type, timestamp and the event's public fields. */
    private String body(Change change, EventPayload event) {
        ObjectNode body = json.createObjectNode();
        body.put("type", change.type());
        body.put("timestamp", change.at().toString());
        body.set("data", json.valueToTree(event));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bodies always serialize", e);
        }
    }
}
