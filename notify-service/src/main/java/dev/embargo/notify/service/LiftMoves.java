package dev.embargo.notify.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.contracts.advisory.PreAdvisoryLiftMoved;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.notify.config.PartnerLinkConfig;
import dev.embargo.notify.domain.AdvisoryLift;
import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.domain.EmailKind;
import dev.embargo.notify.domain.Partner;
import dev.embargo.notify.domain.PartnerLink;
import dev.embargo.notify.domain.WebhookDelivery;
import dev.embargo.notify.domain.WebhookStatus;
import dev.embargo.notify.repository.AdvisoryLiftRepository;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import dev.embargo.notify.repository.PartnerLinkRepository;
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
import org.jboss.logging.Logger;

/**
 * A moved lift, in the consumer's transaction: the links, the board and its warning follow the new
 * time (a moved lift is warned about again), and every partner holding the pre-advisory is told by
 * webhook ({@code preadvisory.lift.moved}) and email. The notice holds no embargoed content.
 */
@ApplicationScoped
public class LiftMoves {

    private static final Logger LOG = Logger.getLogger(LiftMoves.class);
    static final String TYPE = "preadvisory.lift.moved";

    private final AdvisoryLiftRepository lifts;
    private final PartnerLinkRepository links;
    private final PartnerRepository partners;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final EmailDeliveryRepository emails;
    private final EmailDetails details;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final PartnerLinkConfig config;

    LiftMoves(
            AdvisoryLiftRepository lifts,
            PartnerLinkRepository links,
            PartnerRepository partners,
            WebhookEndpointRepository endpoints,
            WebhookDeliveryRepository deliveries,
            EmailDeliveryRepository emails,
            EmailDetails details,
            FieldCipher cipher,
            ObjectMapper json,
            PartnerLinkConfig config) {
        this.lifts = lifts;
        this.links = links;
        this.partners = partners;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.emails = emails;
        this.details = details;
        this.cipher = cipher;
        this.json = json;
        this.config = config;
    }

    public Uni<Void> apply(PreAdvisoryLiftMoved moved, String eventId) {
        OffsetDateTime lift =
                moved.embargoUntil().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return lifts.findById(moved.advisoryId())
                .chain(
                        known -> {
                            if (known == null) {
                                LOG.warnf(
                                        "Lift of pre-advisory %s moved, but no partner here holds"
                                                + " it",
                                        moved.advisoryId());
                                return Uni.createFrom().voidItem();
                            }
                            known.embargoUntil = lift;
                            known.warnedAt = null;
                            return links.list("advisoryId", moved.advisoryId())
                                    .chain(told -> tell(known, told, moved, eventId, lift));
                        });
    }

    private Uni<Void> tell(
            AdvisoryLift lift,
            List<PartnerLink> told,
            PreAdvisoryLiftMoved moved,
            String eventId,
            OffsetDateTime embargoUntil) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        told.forEach(
                link -> {
                    link.embargoUntil = embargoUntil;
                    link.expiresAt = embargoUntil.plus(config.linkValidityAfterLift());
                });
        List<java.util.UUID> partnerIds = told.stream().map(link -> link.partnerId).toList();
        String body = write(notice(lift, moved));
        return endpoints
                .list("partnerId in ?1", partnerIds)
                .chain(
                        targets ->
                                deliveries.persist(
                                        targets.stream()
                                                .map(
                                                        endpoint -> {
                                                            WebhookDelivery delivery =
                                                                    new WebhookDelivery();
                                                            delivery.id = TimeOrderedIds.next();
                                                            delivery.endpointId = endpoint.id;
                                                            delivery.partnerId = endpoint.partnerId;
                                                            delivery.sourceEventId = eventId;
                                                            delivery.eventType = TYPE;
                                                            delivery.sealedPayload =
                                                                    cipher.seal(body);
                                                            delivery.status = WebhookStatus.PENDING;
                                                            delivery.nextAttemptAt = now;
                                                            delivery.createdAt = now;
                                                            return delivery;
                                                        })
                                                .toList()))
                .chain(() -> partners.list("id in ?1", partnerIds))
                .chain(named -> emails.persist(emailsTo(named, lift, moved, now)));
    }

    private List<EmailDelivery> emailsTo(
            List<Partner> named,
            AdvisoryLift lift,
            PreAdvisoryLiftMoved moved,
            OffsetDateTime now) {
        return named.stream()
                .map(
                        partner -> {
                            EmailDelivery email =
                                    EmailDelivery.pending(
                                            null,
                                            EmailKind.PRE_ADVISORY_LIFT_MOVED,
                                            lift.advisoryId + "@" + moved.embargoUntil(),
                                            null,
                                            lift.programSlug,
                                            partner.sealedContact,
                                            now);
                            email.partnerId = partner.id;
                            email.details =
                                    details.write(
                                            Map.of(
                                                    "partnerName",
                                                    partner.name,
                                                    "step",
                                                    reference(lift),
                                                    "embargoUntil",
                                                    moved.embargoUntil().toString(),
                                                    "previousEmbargoUntil",
                                                    moved.previousEmbargoUntil().toString()));
                            return email;
                        })
                .toList();
    }

    private ObjectNode notice(AdvisoryLift lift, PreAdvisoryLiftMoved moved) {
        ObjectNode body = json.createObjectNode();
        body.put("type", TYPE);
        body.put("timestamp", moved.movedAt().toString());
        ObjectNode data = body.putObject("data");
        data.put("id", lift.advisoryId);
        data.put("advisory", lift.advisoryRef);
        data.put("program", lift.programSlug);
        data.put("embargoUntil", moved.embargoUntil().toString());
        data.put("previousEmbargoUntil", moved.previousEmbargoUntil().toString());
        return body;
    }

    private static String reference(AdvisoryLift lift) {
        return lift.advisoryRef == null ? lift.advisoryId : lift.advisoryRef;
    }

    private String write(ObjectNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bodies always serialize", e);
        }
    }
}
