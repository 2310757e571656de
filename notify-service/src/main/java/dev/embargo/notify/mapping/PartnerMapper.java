package dev.embargo.notify.mapping;

import dev.embargo.notify.domain.Partner;
import dev.embargo.notify.domain.WebhookDelivery;
import dev.embargo.notify.domain.WebhookEndpoint;
import dev.embargo.notify.rest.EndpointView;
import dev.embargo.notify.rest.PartnerView;
import dev.embargo.notify.rest.WebhookDeliveryView;
import dev.embargo.notify.service.Partners;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/** Between the wire and the domain for partners, endpoints and their deliveries. */
@ApplicationScoped
public class PartnerMapper {

    private final Partners partners;

    PartnerMapper(Partners partners) {
        this.partners = partners;
    }

    public PartnerView toView(Partner partner) {
        return new PartnerView(
                partner.id.toString(),
                partner.name,
                partners.contactOf(partner),
                partner.groupList(),
                partner.programList(),
                instant(partner.createdAt));
    }

    public EndpointView toView(WebhookEndpoint endpoint) {
        return toView(endpoint, null);
    }

    /** With the secret just issued: the one answer that shows it. */
    public EndpointView toView(WebhookEndpoint endpoint, String issuedSecret) {
        boolean overlapping =
                endpoint.previousValidUntil != null
                        && endpoint.previousValidUntil.isAfter(OffsetDateTime.now());
        return new EndpointView(
                endpoint.id.toString(),
                endpoint.partnerId == null ? null : endpoint.partnerId.toString(),
                endpoint.url,
                endpoint.enabled,
                endpoint.disabledReason,
                instant(endpoint.createdAt),
                overlapping ? instant(endpoint.previousValidUntil) : null,
                issuedSecret);
    }

    public WebhookDeliveryView toView(WebhookDelivery delivery) {
        return new WebhookDeliveryView(
                delivery.id.toString(),
                delivery.webhookId(),
                delivery.endpointId.toString(),
                delivery.eventType,
                delivery.status.name().toLowerCase(Locale.ROOT),
                delivery.attempts,
                delivery.lastStatus,
                delivery.lastLatencyMs,
                delivery.lastError,
                instant(delivery.createdAt),
                instant(delivery.nextAttemptAt),
                instant(delivery.deliveredAt));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
