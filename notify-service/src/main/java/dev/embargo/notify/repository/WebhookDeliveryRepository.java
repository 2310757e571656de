package dev.embargo.notify.repository;

import dev.embargo.notify.domain.WebhookDelivery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /**
     * Leases due deliveries of enabled endpoints and counts the try, in one statement: other passes
     * and replicas skip locked rows and leased ones, so a delivery has one sender at a time.
     */
    private static final String LEASE_DUE =
            """
            UPDATE webhook_delivery SET lease_until = :leaseUntil, attempts = attempts + 1
            WHERE id IN (
                SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND e.enabled
                  AND (d.lease_until IS NULL OR d.lease_until < :now)
                ORDER BY d.next_attempt_at LIMIT :limit FOR UPDATE OF d SKIP LOCKED)
            RETURNING *\
            """;

    public Uni<List<WebhookDelivery>> leaseDue(
            OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        return getSession()
                .chain(
                        session ->
                                session.createNativeQuery(LEASE_DUE, WebhookDelivery.class)
                                        .setParameter("now", now)
                                        .setParameter("leaseUntil", leaseUntil)
                                        .setParameter("limit", limit)
                                        .getResultList());
    }

    /** A partner's deliveries, newest first. */
    public Uni<List<WebhookDelivery>> ofPartner(UUID partnerId, int page, int size) {
        return find("partnerId", Sort.descending("createdAt"), partnerId)
                .page(Page.of(page, size))
                .list();
    }

    /** An endpoint's deliveries, newest first. */
    public Uni<List<WebhookDelivery>> ofEndpoint(UUID endpointId, int page, int size) {
        return find("endpointId", Sort.descending("createdAt"), endpointId)
                .page(Page.of(page, size))
                .list();
    }

    /** An endpoint's deliveries queued at or after {@code since}. */
    public Uni<List<WebhookDelivery>> ofEndpointSince(UUID endpointId, OffsetDateTime since) {
        return find(
                        "endpointId = :endpoint and createdAt >= :since",
                        Parameters.with("endpoint", endpointId).and("since", since))
                .list();
    }
}
