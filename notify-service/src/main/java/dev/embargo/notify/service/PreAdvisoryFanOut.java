package dev.embargo.notify.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.domain.EmailKind;
import dev.embargo.notify.domain.Partner;
import dev.embargo.notify.domain.Watermark;
import dev.embargo.notify.domain.WebhookDelivery;
import dev.embargo.notify.domain.WebhookStatus;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import dev.embargo.notify.repository.PartnerRepository;
import dev.embargo.notify.repository.WebhookDeliveryRepository;
import dev.embargo.notify.repository.WebhookEndpointRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns a released pre-advisory into one webhook delivery per endpoint of every partner in its
 * groups that follows its program, and one email to each such partner's contact, in the consumer's
 * transaction: the event is taken once, and the deliveries with it. Each body is fixed (and sealed)
 * now, so every try sends the same; each copy carries its own {@link Watermark}, so a leaked copy
 * names the partner, and the channel, it was sent to. Every copy of a partner carries the same
 * capability link, through which the partner answers (see {@link PartnerAnswers}).
 */
@ApplicationScoped
public class PreAdvisoryFanOut {

    private static final Logger LOG = Logger.getLogger(PreAdvisoryFanOut.class);
    static final String TYPE = "preadvisory.released";

    private final PartnerRepository partners;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final EmailDeliveryRepository emails;
    private final EmailDetails details;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final PartnerLinks links;

    PreAdvisoryFanOut(
            PartnerRepository partners,
            WebhookEndpointRepository endpoints,
            WebhookDeliveryRepository deliveries,
            EmailDeliveryRepository emails,
            EmailDetails details,
            FieldCipher cipher,
            ObjectMapper json,
            PartnerLinks links) {
        this.partners = partners;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.emails = emails;
        this.details = details;
        this.cipher = cipher;
        this.json = json;
        this.links = links;
    }

    public Uni<Void> fanOut(PreAdvisoryReleased released, String eventId) {
        ObjectNode body = body(released);
        return partners.listAll()
                .chain(
                        all -> {
                            Map<UUID, Partner> receiving =
                                    all.stream()
                                            .filter(
                                                    partner ->
                                                            partner.receives(
                                                                    released.programSlug(),
                                                                    released.partnerGroups()))
                                            .collect(
                                                    Collectors.toMap(
                                                            partner -> partner.id,
                                                            Function.identity()));
                            if (receiving.isEmpty()) {
                                LOG.warnf(
                                        "Pre-advisory %s of %s reaches no partner (groups %s)",
                                        released.advisoryId(),
                                        released.programSlug(),
                                        released.partnerGroups());
                                return Uni.createFrom().voidItem();
                            }
                            OffsetDateTime now =
                                    OffsetDateTime.now(ZoneOffset.UTC)
                                            .truncatedTo(ChronoUnit.MICROS);
                            String advisoryRef = body.path("data").path("advisory").asText(null);
                            return links.issue(released, advisoryRef, receiving.values(), now)
                                    .chain(
                                            answerUrls ->
                                                    queueCopies(
                                                            released,
                                                            eventId,
                                                            body,
                                                            new Recipients(receiving, answerUrls),
                                                            now));
                        });
    }

    /** The partners a pre-advisory reaches, and each one's capability link. */
    private record Recipients(Map<UUID, Partner> partners, Map<UUID, String> answerUrls) {}

    private ObjectNode copyFor(
            Recipients recipients, ObjectNode body, Watermark watermark, UUID partnerId) {
        return watermarked(
                body,
                watermark,
                recipients.partners().get(partnerId),
                recipients.answerUrls().get(partnerId));
    }

    private Uni<Void> queueCopies(
            PreAdvisoryReleased released,
            String eventId,
            ObjectNode body,
            Recipients recipients,
            OffsetDateTime now) {
        return endpoints
                .list("partnerId in ?1", recipients.partners().keySet())
                .chain(
                        targets -> {
                            List<WebhookDelivery> queued =
                                    targets.stream()
                                            .map(
                                                    endpoint -> {
                                                        Watermark watermark = Watermark.random();
                                                        WebhookDelivery delivery =
                                                                new WebhookDelivery();
                                                        delivery.id = TimeOrderedIds.next();
                                                        delivery.endpointId = endpoint.id;
                                                        delivery.partnerId = endpoint.partnerId;
                                                        delivery.sourceEventId = eventId;
                                                        delivery.eventType = TYPE;
                                                        delivery.watermark = watermark.code();
                                                        delivery.sealedPayload =
                                                                cipher.seal(
                                                                        write(
                                                                                copyFor(
                                                                                        recipients,
                                                                                        body,
                                                                                        watermark,
                                                                                        endpoint.partnerId)));
                                                        delivery.status = WebhookStatus.PENDING;
                                                        delivery.nextAttemptAt = now;
                                                        delivery.createdAt = now;
                                                        return delivery;
                                                    })
                                            .toList();
                            return deliveries
                                    .persist(queued)
                                    .chain(
                                            () ->
                                                    emails.persist(
                                                            emailCopies(
                                                                    recipients,
                                                                    body,
                                                                    released,
                                                                    now)));
                        });
    }

    /** One email per partner with a contact: the same pre-advisory, with a watermark of its own. */
    private List<EmailDelivery> emailCopies(
            Recipients recipients,
            ObjectNode body,
            PreAdvisoryReleased released,
            OffsetDateTime now) {
        return recipients.partners().values().stream()
                .filter(partner -> partner.sealedContact != null)
                .map(
                        partner -> {
                            Watermark watermark = Watermark.random();
                            ObjectNode data =
                                    (ObjectNode)
                                            copyFor(recipients, body, watermark, partner.id)
                                                    .get("data");
                            EmailDelivery email =
                                    EmailDelivery.pending(
                                            null,
                                            EmailKind.PRE_ADVISORY,
                                            watermark.code(),
                                            null,
                                            released.programSlug(),
                                            partner.sealedContact,
                                            now);
                            email.partnerId = partner.id;
                            email.watermark = watermark.code();
                            email.sealedBody = cipher.seal(PreAdvisoryText.of(data, json));
                            // The subject appends "step": here the program, never the title, which
                            // stays out of subjects.
                            email.details =
                                    details.write(
                                            Map.of(
                                                    "partnerName",
                                                    partner.name,
                                                    "embargoUntil",
                                                    released.embargoUntil().toString(),
                                                    "step",
                                                    released.programSlug()));
                            return email;
                        })
                .toList();
    }

    /**
     * This partner's copy: the distribution line names the recipient and the watermark's reference;
     * the summary and description carry it invisibly too (see {@link Watermark}); {@code answerUrl}
     * is the partner's capability link for answering (see {@link PartnerLinks}).
     */
    private ObjectNode watermarked(
            ObjectNode body, Watermark watermark, Partner partner, String answerUrl) {
        ObjectNode copy = body.deepCopy();
        ObjectNode data = (ObjectNode) copy.get("data");
        for (String field : List.of("summary", "description")) {
            if (data.hasNonNull(field)) {
                data.put(field, data.get(field).asText() + watermark.invisible());
            }
        }
        data.put("watermark", watermark.code());
        data.put("answerUrl", answerUrl);
        data.put(
                "distribution",
                "TLP:AMBER. Prepared for "
                        + partner.name
                        + " only; do not forward before "
                        + data.path("embargoUntil").asText()
                        + ". Copy reference "
                        + watermark.code()
                        + ".");
        return copy;
    }

    private String write(ObjectNode copy) {
        try {
            return json.writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bodies always serialize", e);
        }
    }

    /** The Standard Webhooks body: type, timestamp and the pre-advisory itself. */
    private ObjectNode body(PreAdvisoryReleased released) {
        try {
            JsonNode document = json.readTree(cipher.open(released.sealedDocument()));
            ObjectNode body = json.createObjectNode();
            body.put("type", TYPE);
            body.put("timestamp", released.releasedAt().toString());
            ObjectNode data = body.putObject("data");
            data.setAll((ObjectNode) document);
            data.put("embargoUntil", released.embargoUntil().toString());
            data.set("partnerGroups", json.valueToTree(released.partnerGroups()));
            return body;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Pre-advisory " + released.advisoryId() + " holds an unreadable document", e);
        }
    }
}
