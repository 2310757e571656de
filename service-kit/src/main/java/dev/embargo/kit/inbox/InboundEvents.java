package dev.embargo.kit.inbox;

import dev.embargo.contracts.EventCodec;
import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import dev.embargo.contracts.InvalidEventException;
import dev.embargo.kit.work.SessionContexts;
import dev.embargo.kit.work.Transactions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies an incoming event exactly once in effect. The event id is recorded in {@code
 * processed_event} in the same transaction as the handler's effect, so a redelivered event (after a
 * crash, a rebalance or a relay retry) changes nothing.
 *
 * <p>A message that breaks its contract goes straight to the dead-letter topic; a handler that
 * fails is retried with backoff, then dead-lettered. Nothing is acknowledged before its transaction
 * has committed. While the service stops (every rollout), a failure is the stop itself (the pool
 * closes under the handler): the event is neither retried nor dead-lettered but left
 * unacknowledged, so the next instance gets it again.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);
    private static final String RECORD_FIRST_DELIVERY =
            """
            INSERT INTO processed_event (consumer, event_id, event_type) VALUES (:consumer, :id, :type)
            ON CONFLICT DO NOTHING\
            """;

    private final EventCodec codec;
    private final MeterRegistry registry;
    private volatile boolean stopping;

    InboundEvents(EventCodec codec, MeterRegistry registry) {
        this.codec = codec;
        this.registry = registry;
    }

    /**
     * Decodes the message, runs its handler in a transaction unless {@code consumer} has already
     * processed this event id, then acknowledges the message (or negatively acknowledges it, which
     * sends it to the channel's dead-letter topic). An event no handler cares about is acknowledged
     * as it comes: no decoding, no transaction, no row in {@code processed_event}.
     */
    public Uni<Void> process(Message<String> message, String consumer, EventHandlers handlers) {
        if (typeOf(message).filter(type -> !handlers.handles(type)).isPresent()) {
            return Uni.createFrom().completionStage(message::ack);
        }
        InboundEvent event;
        try {
            event = decode(message);
        } catch (InvalidEventException e) {
            LOG.errorf("Dead-lettering an event that breaks its contract: %s", e.getMessage());
            registry.counter(
                            "embargo.inbox.dead-lettered",
                            "consumer",
                            consumer,
                            "reason",
                            "contract")
                    .increment();
            return Uni.createFrom().completionStage(() -> message.nack(e));
        }
        // Retries resubscribe from Mutiny's timer thread; the transaction must run on this Vert.x
        // context.
        Executor context = SessionContexts.current();
        return Transactions.inTransaction(
                        () ->
                                recordFirstDelivery(consumer, event)
                                        .chain(
                                                first -> {
                                                    registry.counter(
                                                                    "embargo.inbox.events",
                                                                    "consumer",
                                                                    consumer,
                                                                    "type",
                                                                    event.type().typeName(),
                                                                    "outcome",
                                                                    first ? "applied" : "duplicate")
                                                            .increment();
                                                    return first
                                                            ? handlers.apply(event)
                                                            : Uni.createFrom().voidItem();
                                                }))
                .runSubscriptionOn(context)
                .onFailure()
                .invoke(
                        failure ->
                                LOG.warnf(
                                        "Event %s (%s) failed, will retry: %s",
                                        event.id(), event.type().typeName(), abbreviated(failure)))
                .onFailure(failure -> !stopping)
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(5)
                .onItemOrFailure()
                .transformToUni(
                        (applied, failure) -> {
                            if (failure == null) {
                                return Uni.createFrom().completionStage(message::ack);
                            }
                            if (stopping) {
                                LOG.infof(
                                        "Event %s (%s) left for redelivery: the service is"
                                                + " stopping",
                                        event.id(), event.type().typeName());
                                return Uni.createFrom().voidItem();
                            }
                            LOG.errorf(
                                    failure,
                                    "Dead-lettering event %s (%s) after retries",
                                    event.id(),
                                    event.type().typeName());
                            registry.counter(
                                            "embargo.inbox.dead-lettered",
                                            "consumer",
                                            consumer,
                                            "reason",
                                            "handler")
                                    .increment();
                            return Uni.createFrom().completionStage(() -> message.nack(failure));
                        });
    }

    /**
     * The event type its CloudEvents {@code type} names; empty when missing or unknown (decoding
     * rejects those).
     */
    private static Optional<EventType> typeOf(Message<String> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getType)
                .flatMap(EventType::fromTypeName);
    }

    void noteStopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    private InboundEvent decode(Message<String> message) {
        @SuppressWarnings("unchecked")
        IncomingCloudEventMetadata<String> cloudEvent =
                message.getMetadata(IncomingCloudEventMetadata.class)
                        .orElseThrow(
                                () -> new InvalidEventException("Message is not a CloudEvent"));
        String subject =
                cloudEvent
                        .getSubject()
                        .orElseThrow(() -> new InvalidEventException("CloudEvent lacks a subject"));
        if (cloudEvent.getId() == null || cloudEvent.getType() == null) {
            throw new InvalidEventException("CloudEvent lacks an id or a type");
        }
        String data = message.getPayload();
        if (data == null) {
            throw new InvalidEventException("CloudEvent " + cloudEvent.getId() + " has no data");
        }
        EventPayload payload = codec.decode(cloudEvent.getType(), data);
        if (!subject.equals(payload.subject())) {
            throw new InvalidEventException(
                    "CloudEvent subject differs from its payload's subject");
        }
        EventType type = EventType.of(payload.getClass());
        // Handlers see the current shape of every event; an older version still on the topic is
        // translated here.
        return new InboundEvent(
                cloudEvent.getId(),
                type,
                cloudEvent.getSource(),
                subject,
                cloudEvent.getTimeStamp().orElse(null),
                payload.current());
    }

    private static Uni<Boolean> recordFirstDelivery(String consumer, InboundEvent event) {
        return Panache.getSession()
                .chain(
                        session ->
                                session.createNativeQuery(RECORD_FIRST_DELIVERY)
                                        .setParameter("consumer", consumer)
                                        .setParameter("id", event.id())
                                        .setParameter("type", event.type().typeName())
                                        .executeUpdate()
                                        .map(inserted -> inserted == 1));
    }

    /**
     * The failure's kind and the start of its message: enough to diagnose, too short to flood the
     * log.
     */
    private static String abbreviated(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        return failure.getClass().getSimpleName()
                + ": "
                + (message.length() > 300 ? message.substring(0, 300) + "..." : message);
    }
}
