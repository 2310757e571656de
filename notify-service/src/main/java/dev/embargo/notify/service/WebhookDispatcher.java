package dev.embargo.notify.service;

import dev.embargo.contracts.notification.WebhookFailed;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.RepeatingPass;
import dev.embargo.kit.work.SessionContexts;
import dev.embargo.kit.work.Transactions;
import dev.embargo.kit.work.WakeOnCommit;
import dev.embargo.notify.config.WebhookConfig;
import dev.embargo.notify.domain.EndpointAddress;
import dev.embargo.notify.domain.EndpointAddress.Check;
import dev.embargo.notify.domain.EndpointAddress.Refused;
import dev.embargo.notify.domain.EndpointAddress.Target;
import dev.embargo.notify.domain.HostResolver;
import dev.embargo.notify.domain.RetrySchedule;
import dev.embargo.notify.domain.WebhookDelivery;
import dev.embargo.notify.domain.WebhookEndpoint;
import dev.embargo.notify.domain.WebhookSignature;
import dev.embargo.notify.domain.WebhookStatus;
import dev.embargo.notify.repository.WebhookDeliveryRepository;
import dev.embargo.notify.repository.WebhookEndpointRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries. Each pass leases a batch (one short transaction), sends it with
 * many requests in flight and no transaction open, then records every outcome in a second
 * transaction. A process that dies in between loses nothing: the leases run out and the same
 * deliveries, with the same {@code webhook-id} and body, are tried again — at least once on the
 * wire, once in effect for a receiver that ignores a {@code webhook-id} it has seen.
 *
 * <p>A 2xx answer delivers; anything else, a timeout or a refused address is a failed try, retried
 * on {@link RetrySchedule}; after the last try the delivery is dead-lettered ({@code
 * webhook.failed}), its endpoint disabled, and the partner's contact emailed.
 *
 * <p>A pass runs as soon as a transaction that queued deliveries commits (webhook_delivery's
 * trigger notifies {@value #QUEUED_CHANNEL}); the poll finds retries as they fall due.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /** The channel webhook_delivery's trigger notifies (migration V2026_12_07_902). */
    static final String QUEUED_CHANNEL = "embargo_webhook";

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final Partners partners;
    private final PartnerNotifications partnerNotifications;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final WebhookConfig config;
    private final MeterRegistry registry;
    private final HostResolver resolver;
    private final RetrySchedule schedule;
    private final RepeatingPass pass = RepeatingPass.draining("Webhook dispatch", this::sendDue);
    private WebClient client;

    WebhookDispatcher(
            WebhookDeliveryRepository deliveries,
            WebhookEndpointRepository endpoints,
            Partners partners,
            PartnerNotifications partnerNotifications,
            Outbox outbox,
            FieldCipher cipher,
            WebhookConfig config,
            MeterRegistry registry,
            HostResolver resolver) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.partners = partners;
        this.partnerNotifications = partnerNotifications;
        this.outbox = outbox;
        this.cipher = cipher;
        this.config = config;
        this.registry = registry;
        this.resolver = resolver;
        this.schedule = new RetrySchedule(config.retrySchedule());
    }

    void start(
            @Observes StartupEvent startup,
            Vertx vertx,
            io.vertx.core.Vertx coreVertx,
            WakeOnCommit wakeOnCommit) {
        WebClientOptions options =
                new WebClientOptions()
                        .setFollowRedirects(false)
                        .setMaxPoolSize(config.concurrency())
                        .setKeepAlive(true)
                        .setConnectTimeout((int) config.timeout().toMillis())
                        .setUserAgent("Embargo-Webhooks/1");
        client = WebClient.create(vertx, options);
        pass.start(coreVertx, config.pollInterval());
        wakeOnCommit.wake(pass, QUEUED_CHANNEL);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        pass.stop();
    }

    /**
     * One pass: lease, send, record; true when the lease was a full batch, so that the next one
     * follows at once.
     */
    Uni<Boolean> sendDue() {
        Executor back = SessionContexts.current();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return Transactions.inTransaction(
                        () ->
                                deliveries
                                        .leaseDue(now, now.plus(config.lease()), config.batchSize())
                                        .chain(
                                                leased ->
                                                        leased.isEmpty()
                                                                ? Uni.createFrom()
                                                                        .item(
                                                                                new Batch(
                                                                                        List.of(),
                                                                                        Map.of()))
                                                                : endpoints
                                                                        .list(
                                                                                "id in ?1",
                                                                                leased.stream()
                                                                                        .map(
                                                                                                d ->
                                                                                                        d.endpointId)
                                                                                        .distinct()
                                                                                        .toList())
                                                                        .map(
                                                                                found ->
                                                                                        new Batch(
                                                                                                leased,
                                                                                                found
                                                                                                        .stream()
                                                                                                        .collect(
                                                                                                                Collectors
                                                                                                                        .toMap(
                                                                                                                                endpoint ->
                                                                                                                                        endpoint.id,
                                                                                                                                Function
                                                                                                                                        .identity()))))))
                .chain(
                        batch ->
                                batch.deliveries().isEmpty()
                                        ? Uni.createFrom().item(false)
                                        : checks(batch.endpoints().values())
                                                .chain(
                                                        checks ->
                                                                Multi.createFrom()
                                                                        .iterable(
                                                                                batch.deliveries())
                                                                        .onItem()
                                                                        .transformToUni(
                                                                                delivery ->
                                                                                        send(
                                                                                                delivery,
                                                                                                batch.endpoints()
                                                                                                        .get(
                                                                                                                delivery.endpointId),
                                                                                                checks))
                                                                        .merge(config.concurrency())
                                                                        .collect()
                                                                        .asList())
                                                .emitOn(back)
                                                .chain(this::record)
                                                .replaceWith(
                                                        batch.deliveries().size()
                                                                == config.batchSize()));
    }

    /**
     * SSRF check of every endpoint in the batch, again at send time: DNS answers change. Each host
     * is looked up once per pass (per scheme and authority), and its tries go to the address that
     * was checked. Resolving blocks, so it runs on a worker thread.
     */
    private Uni<Map<UUID, Check>> checks(Collection<WebhookEndpoint> batchEndpoints) {
        return Uni.createFrom()
                .item(
                        () -> {
                            Map<String, Check> byOrigin = new HashMap<>();
                            Map<UUID, Check> checks = new HashMap<>();
                            for (WebhookEndpoint endpoint : batchEndpoints) {
                                checks.put(
                                        endpoint.id,
                                        byOrigin.computeIfAbsent(
                                                origin(endpoint.url),
                                                ignored ->
                                                        EndpointAddress.check(
                                                                endpoint.url,
                                                                resolver,
                                                                config.allowHttp(),
                                                                config.allowPrivateAddresses())));
                            }
                            return checks;
                        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Scheme and authority (user info, host, port): what a check depends on, not the path. */
    private static String origin(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (java.net.URISyntaxException e) {
            return url;
        }
    }

    private Uni<Outcome> send(
            WebhookDelivery delivery, WebhookEndpoint endpoint, Map<UUID, Check> checks) {
        return switch (checks.get(endpoint.id)) {
            case Refused refused ->
                    Uni.createFrom()
                            .item(
                                    new Outcome(
                                            delivery.id,
                                            null,
                                            "address refused: " + refused.reason(),
                                            0));
            case Target target -> post(delivery, endpoint, target);
        };
    }

    /**
     * One try, to the checked address: the URL still gives the Host header and the TLS server name,
     * so the receiver's certificate is verified against its host, not the address.
     */
    private Uni<Outcome> post(WebhookDelivery delivery, WebhookEndpoint endpoint, Target target) {
        long timestamp = Instant.now().getEpochSecond();
        // Each delivery's own body: copies of one pre-advisory differ by their recipient's
        // watermark.
        String body = cipher.open(delivery.sealedPayload);
        String signature =
                WebhookSignature.header(
                        partners.signingSecrets(endpoint, OffsetDateTime.now(ZoneOffset.UTC)),
                        delivery.webhookId(),
                        timestamp,
                        body);
        long started = System.nanoTime();
        return client.requestAbs(
                        HttpMethod.POST,
                        SocketAddress.inetSocketAddress(target.address()),
                        endpoint.url)
                .timeout(config.timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", delivery.webhookId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature)
                .sendBuffer(Buffer.buffer(body))
                .map(
                        response ->
                                new Outcome(
                                        delivery.id,
                                        response.statusCode(),
                                        response.statusCode() / 100 == 2
                                                ? null
                                                : "HTTP " + response.statusCode(),
                                        millisSince(started)))
                .onFailure()
                .recoverWithItem(
                        failure ->
                                new Outcome(
                                        delivery.id,
                                        null,
                                        reasonOf(failure),
                                        millisSince(started)));
    }

    private Uni<Void> record(List<Outcome> outcomes) {
        Map<UUID, Outcome> byId =
                outcomes.stream()
                        .collect(Collectors.toMap(Outcome::deliveryId, Function.identity()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return Transactions.inTransaction(
                () ->
                        deliveries
                                .list("id in ?1", byId.keySet())
                                .chain(
                                        found -> {
                                            Uni<Void> followUps = Uni.createFrom().voidItem();
                                            for (WebhookDelivery delivery : found) {
                                                Outcome outcome = byId.get(delivery.id);
                                                delivery.leaseUntil = null;
                                                delivery.lastStatus = outcome.status();
                                                delivery.lastLatencyMs = outcome.latencyMs();
                                                delivery.lastError = outcome.error();
                                                if (outcome.delivered()) {
                                                    delivery.status = WebhookStatus.DELIVERED;
                                                    delivery.deliveredAt = now;
                                                    registry.timer("embargo.webhook.latency")
                                                            .record(
                                                                    Duration.ofMillis(
                                                                            outcome.latencyMs()));
                                                    registry.counter("embargo.webhook.delivered")
                                                            .increment();
                                                    continue;
                                                }
                                                registry.counter("embargo.webhook.failed.tries")
                                                        .increment();
                                                var wait = schedule.waitAfter(delivery.attempts);
                                                if (wait.isPresent()) {
                                                    delivery.nextAttemptAt = now.plus(wait.get());
                                                } else {
                                                    delivery.status = WebhookStatus.DEAD;
                                                    followUps =
                                                            followUps.chain(
                                                                    () ->
                                                                            deadLetter(
                                                                                    delivery, now));
                                                }
                                            }
                                            return followUps;
                                        }));
    }

    /**
     * The whole schedule failed: to the dead-letter topic, the endpoint disabled, the partner told.
     */
    private Uni<Void> deadLetter(WebhookDelivery delivery, OffsetDateTime now) {
        registry.counter("embargo.webhook.dead.lettered").increment();
        LOG.warnf(
                "Webhook delivery %s to endpoint %s dead-lettered after %d tries: %s",
                delivery.id, delivery.endpointId, delivery.attempts, delivery.lastError);
        if (delivery.partnerId == null) {
            // A subscription's delivery: staff's own endpoint, disabled, its log showing why; the
            // webhook.failed.v1 contract names a partner, which it has not.
            return endpoints
                    .findById(delivery.endpointId)
                    .invoke(
                            endpoint -> {
                                endpoint.enabled = false;
                                endpoint.disabledReason =
                                        "every try of a delivery failed over " + schedule.span();
                            })
                    .replaceWithVoid();
        }
        return outbox.stage(
                        new WebhookFailed(
                                delivery.id.toString(),
                                delivery.webhookId(),
                                delivery.partnerId.toString(),
                                delivery.endpointId.toString(),
                                delivery.eventType,
                                delivery.sourceEventId,
                                delivery.attempts,
                                delivery.lastStatus,
                                delivery.lastError,
                                now.toInstant()))
                .chain(() -> endpoints.findById(delivery.endpointId))
                .chain(
                        endpoint -> {
                            if (!endpoint.enabled) {
                                return Uni.createFrom().voidItem();
                            }
                            endpoint.enabled = false;
                            endpoint.disabledReason =
                                    "every try of a delivery failed over " + schedule.span();
                            return partnerNotifications.queueEndpointDisabled(endpoint, now);
                        });
    }

    /**
     * Why a try got no answer, in words for the delivery log (never the request or its secrets).
     */
    static String reasonOf(Throwable failure) {
        if (failure instanceof java.net.ConnectException) {
            return "connection failed";
        }
        if (failure instanceof java.util.concurrent.TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout")) {
            return "timed out";
        }
        return failure.getClass().getSimpleName();
    }

    private static int millisSince(long startedNanos) {
        return (int) ((System.nanoTime() - startedNanos) / 1_000_000);
    }

    private record Batch(List<WebhookDelivery> deliveries, Map<UUID, WebhookEndpoint> endpoints) {}

    /**
     * How one try went: an HTTP status (null when none came back) and, unless 2xx, why it failed.
     */
    private record Outcome(UUID deliveryId, Integer status, String error, int latencyMs) {
        boolean delivered() {
            return error == null;
        }
    }
}
