package dev.embargo.notify.service;

import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import dev.embargo.notify.domain.EventSubscription;
import dev.embargo.notify.domain.WebhookDelivery;
import dev.embargo.notify.domain.WebhookEndpoint;
import dev.embargo.notify.domain.WebhookSignature;
import dev.embargo.notify.domain.WebhookStatus;
import dev.embargo.notify.repository.EventSubscriptionRepository;
import dev.embargo.notify.repository.WebhookDeliveryRepository;
import dev.embargo.notify.repository.WebhookEndpointRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Event subscriptions: staff's endpoints for lifecycle events. Each is a webhook endpoint of no
 * partner, so its deliveries are signed, retried under one id, dead-lettered and replayed by the
 * {@link WebhookDispatcher} like partners' ones.
 */
@ApplicationScoped
public class Subscriptions {

    private final EventSubscriptionRepository subscriptions;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final Partners partners;
    private final SubscriptionBodies bodies;
    private final FieldCipher cipher;

    Subscriptions(
            EventSubscriptionRepository subscriptions,
            WebhookEndpointRepository endpoints,
            WebhookDeliveryRepository deliveries,
            Partners partners,
            SubscriptionBodies bodies,
            FieldCipher cipher) {
        this.subscriptions = subscriptions;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.partners = partners;
        this.bodies = bodies;
        this.cipher = cipher;
    }

    /** A subscription with its endpoint and the signing secret, shown this once. */
    public record Issued(EventSubscription subscription, WebhookEndpoint endpoint, String secret) {}

    /** A subscription and its endpoint, as listed. */
    public record Listed(EventSubscription subscription, WebhookEndpoint endpoint) {}

    public Uni<Issued> create(
            String url, List<String> eventTypes, List<String> programs, String format, String by) {
        return partners.checkedUrl(url)
                .chain(
                        checked ->
                                Transactions.inTransaction(
                                        () -> {
                                            String secret = WebhookSignature.newSecret();
                                            WebhookEndpoint endpoint = new WebhookEndpoint();
                                            endpoint.id = TimeOrderedIds.next();
                                            endpoint.url = checked;
                                            endpoint.enabled = true;
                                            endpoint.sealedSecret = cipher.seal(secret);
                                            endpoint.createdAt = now();
                                            EventSubscription subscription =
                                                    new EventSubscription();
                                            subscription.id = TimeOrderedIds.next();
                                            subscription.endpointId = endpoint.id;
                                            subscription.eventTypes = joined(eventTypes);
                                            subscription.programs = joined(programs);
                                            subscription.format = format;
                                            subscription.createdBy = by;
                                            subscription.createdAt = endpoint.createdAt;
                                            return endpoints
                                                    .persist(endpoint)
                                                    .chain(
                                                            () ->
                                                                    subscriptions.persist(
                                                                            subscription))
                                                    .map(
                                                            saved ->
                                                                    new Issued(
                                                                            saved, endpoint,
                                                                            secret));
                                        }));
    }

    public Uni<List<Listed>> all() {
        return Transactions.inSession(
                () ->
                        subscriptions
                                .listAll()
                                .chain(
                                        found ->
                                                found.isEmpty()
                                                        ? Uni.createFrom().item(List.<Listed>of())
                                                        : endpoints
                                                                .list(
                                                                        "id in ?1",
                                                                        found.stream()
                                                                                .map(
                                                                                        s ->
                                                                                                s.endpointId)
                                                                                .toList())
                                                                .map(
                                                                        targets ->
                                                                                listed(
                                                                                        found,
                                                                                        targets))));
    }

    private static List<Listed> listed(
            List<EventSubscription> found, List<WebhookEndpoint> targets) {
        Map<UUID, WebhookEndpoint> byId =
                targets.stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        return found.stream().map(s -> new Listed(s, byId.get(s.endpointId))).toList();
    }

    public Uni<EventSubscription> find(UUID id) {
        return Transactions.inSession(() -> subscriptions.findById(id))
                .invoke(
                        found -> {
                            if (found == null) {
                                throw new ProblemException(
                                        Problem.of(
                                                Response.Status.NOT_FOUND,
                                                "No subscription " + id + "."));
                            }
                        });
    }

    /**
     * Queues the event for every subscription to its type and program, in the consumer's
     * transaction: one delivery per subscription, whose id and body every try keeps.
     */
    public Uni<Void> fanOut(PublicEvent event) {
        return subscriptions
                .listAll()
                .chain(
                        all -> {
                            OffsetDateTime now = now();
                            List<WebhookDelivery> queued =
                                    all.stream()
                                            .filter(s -> s.receives(event.type(), event.program()))
                                            .map(s -> delivery(s, event, now))
                                            .toList();
                            return queued.isEmpty()
                                    ? Uni.createFrom().voidItem()
                                    : deliveries.persist(queued);
                        });
    }

    private WebhookDelivery delivery(
            EventSubscription subscription, PublicEvent event, OffsetDateTime now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = TimeOrderedIds.next();
        delivery.endpointId = subscription.endpointId;
        delivery.sourceEventId = event.id();
        delivery.eventType = event.type();
        delivery.sealedPayload = cipher.seal(bodies.render(event, subscription.format));
        delivery.status = WebhookStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    private static String joined(List<String> values) {
        return String.join(" ", values.stream().distinct().sorted().toList());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
