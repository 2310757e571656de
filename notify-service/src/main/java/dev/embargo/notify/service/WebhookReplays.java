package dev.embargo.notify.service;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import dev.embargo.notify.domain.WebhookDelivery;
import dev.embargo.notify.domain.WebhookStatus;
import dev.embargo.notify.repository.WebhookDeliveryRepository;
import dev.embargo.notify.repository.WebhookEndpointRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Staff send deliveries again: one, or everything an endpoint was sent since a time. A replay is
 * the same message (same {@code webhook-id}, same body) with a fresh retry schedule.
 */
@ApplicationScoped
public class WebhookReplays {

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;

    WebhookReplays(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
    }

    public Uni<WebhookDelivery> replay(UUID deliveryId) {
        return Transactions.inTransaction(
                () ->
                        deliveries
                                .findById(deliveryId)
                                .map(
                                        found -> {
                                            if (found == null) {
                                                throw new ProblemException(
                                                        Problem.of(
                                                                Response.Status.NOT_FOUND,
                                                                "No webhook delivery "
                                                                        + deliveryId
                                                                        + "."));
                                            }
                                            requeue(found, OffsetDateTime.now(ZoneOffset.UTC));
                                            return found;
                                        }));
    }

    /** Requeues every delivery to the endpoint queued since {@code since}; how many. */
    public Uni<Integer> replaySince(UUID endpointId, Instant since) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Transactions.inTransaction(
                () ->
                        endpoints
                                .findById(endpointId)
                                .chain(
                                        endpoint -> {
                                            if (endpoint == null) {
                                                throw new ProblemException(
                                                        Problem.of(
                                                                Response.Status.NOT_FOUND,
                                                                "No webhook endpoint "
                                                                        + endpointId
                                                                        + "."));
                                            }
                                            return deliveries.ofEndpointSince(
                                                    endpointId, since.atOffset(ZoneOffset.UTC));
                                        })
                                .map(
                                        found -> {
                                            found.forEach(delivery -> requeue(delivery, now));
                                            return found.size();
                                        }));
    }

    public Uni<List<WebhookDelivery>> ofEndpoint(UUID endpointId, int page, int size) {
        return Transactions.inSession(() -> deliveries.ofEndpoint(endpointId, page, size));
    }

    public Uni<List<WebhookDelivery>> ofPartner(UUID partnerId, int page, int size) {
        return Transactions.inSession(() -> deliveries.ofPartner(partnerId, page, size));
    }

    private static void requeue(WebhookDelivery delivery, OffsetDateTime now) {
        delivery.status = WebhookStatus.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = now;
        delivery.leaseUntil = null;
    }
}
