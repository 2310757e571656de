package dev.embargo.notify.mapping;

import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.rest.EmailDeliveryView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/** Between the wire and the domain: entities never leave the service as they are. */
@ApplicationScoped
public class EmailDeliveryMapper {

    public EmailDeliveryView toView(EmailDelivery delivery) {
        return new EmailDeliveryView(
                delivery.id.toString(),
                delivery.reportId == null ? null : delivery.reportId.toString(),
                delivery.trackingId,
                delivery.kind.name().toLowerCase(Locale.ROOT),
                delivery.status.name().toLowerCase(Locale.ROOT),
                delivery.attempts,
                delivery.lastError,
                instant(delivery.createdAt),
                instant(delivery.sentAt));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
