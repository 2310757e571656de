package dev.embargo.notify.service;

import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.domain.EmailKind;
import dev.embargo.notify.domain.WebhookEndpoint;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import dev.embargo.notify.repository.PartnerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Map;

/** Emails partners about their own endpoints, in the caller's transaction. */
@ApplicationScoped
public class PartnerNotifications {

    private final PartnerRepository partners;
    private final EmailDeliveryRepository deliveries;
    private final EmailDetails details;

    PartnerNotifications(
            PartnerRepository partners, EmailDeliveryRepository deliveries, EmailDetails details) {
        this.partners = partners;
        this.deliveries = deliveries;
        this.details = details;
    }

    /** Tells the partner's contact that the endpoint was disabled, and why; once per disabling. */
    public Uni<Void> queueEndpointDisabled(WebhookEndpoint endpoint, OffsetDateTime at) {
        return partners.findById(endpoint.partnerId)
                .chain(
                        partner -> {
                            EmailDelivery delivery =
                                    EmailDelivery.pending(
                                            null,
                                            EmailKind.WEBHOOK_ENDPOINT_DISABLED,
                                            endpoint.id + "@" + at.toInstant(),
                                            null,
                                            null,
                                            partner.sealedContact,
                                            at);
                            delivery.details =
                                    details.write(
                                            Map.of(
                                                    "partnerName",
                                                    partner.name,
                                                    "url",
                                                    endpoint.url,
                                                    "reason",
                                                    endpoint.disabledReason,
                                                    "endpointId",
                                                    endpoint.id.toString()));
                            return deliveries.queueOnce(delivery).replaceWithVoid();
                        });
    }
}
