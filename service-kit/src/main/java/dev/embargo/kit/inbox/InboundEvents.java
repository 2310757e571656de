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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
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

    /** Answers the ids recorded now; an id twice in one batch is recorded (and answered) once. */
    private static final String RECORD_FIRST_DELIVERIES =
            """
            INSERT INTO processed_event (consumer, event_id, event_type)
            SELECT $1, id, type FROM unnest($2::text[], $3::text[]) AS event (id, type)
            ON CONFLICT DO NOTHING
            RETURNING event_id\
            """;

    private final EventCodec codec;
    private final MeterRegistry registry;
    private final Pool pool;
    private volatile boolean stopping;

    InboundEvents(EventCodec codec, MeterRegistry registry, Pool pool) {
        this.codec = codec;
        this.registry = registry;
        this.pool = pool;
    }

    /**
     * Decodes the message, runs its handler in a transaction unless {@code consumer} has already
     * processed this event id, then acknowledges the message (or negatively acknowledges it, which
     * sends it to the channel's dead-letter topic). An event no handler cares about is acknowledged
     * as it comes: no decoding, no transaction, no row in {@code processed_event}.
     */
    public Uni<Void> process(Message<String> message, String consumer, EventHandlers handlers) {
        Delivery delivery = decoded(message, consumer, handlers);
        return delivery.event() == null
                ? Uni.createFrom().completionStage(delivery.settled())
                : applyAlone(delivery, consumer, handlers, SessionContexts.current());
    }

    /**
     * The same for the messages of one Kafka batch, in their order. Consecutive events of a type
     * with a batch handler (events needing no handler in between) are applied together, in one
     * transaction that also records them; the others one by one as {@link #process} does. If a
     * batch's transaction fails, its events are applied again one per transaction (with retries),
     * so that an event that cannot be applied goes to the dead-letter topic alone and the others
     * take effect.
     */
    public Uni<Void> processBatch(
            List<? extends Message<String>> messages, String consumer, EventHandlers handlers) {
        // Acknowledgements and SQL client results complete on other contexts; each event's handler
        // runs on this one, the safe context Hibernate's handlers need.
        Executor context = SessionContexts.current();
        List<Delivery> deliveries = new ArrayList<>();
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Message<String> message : messages) {
            Delivery delivery = decoded(message, consumer, handlers);
            if (delivery.event() == null) {
                done = done.chain(() -> Uni.createFrom().completionStage(delivery.settled()));
            } else {
                deliveries.add(delivery);
            }
        }
        int start = 0;
        while (start < deliveries.size()) {
            int end = endOfRun(deliveries, start, handlers);
            List<Delivery> run = deliveries.subList(start, end);
            done =
                    done.chain(
                            () ->
                                    run.size() == 1
                                            ? applyAlone(
                                                    run.getFirst(), consumer, handlers, context)
                                            : applyRun(run, consumer, handlers, context));
            start = end;
        }
        return done;
    }

    /** Where the run of events starting at {@code start} ends: at the next of another type. */
    private static int endOfRun(List<Delivery> deliveries, int start, EventHandlers handlers) {
        EventType type = deliveries.get(start).event().type().current();
        int end = start + 1;
        if (handlers.handlesInBatches(type)) {
            while (end < deliveries.size()
                    && deliveries.get(end).event().type().current() == type) {
                end++;
            }
        }
        return end;
    }

    /**
     * The message and its event; with no event, a message already settled: acknowledged if no
     * handler cares about its type, dead-lettered if it breaks its contract.
     */
    private Delivery decoded(Message<String> message, String consumer, EventHandlers handlers) {
        if (typeOf(message).filter(type -> !handlers.handles(type)).isPresent()) {
            return new Delivery(message, null, message.ack());
        }
        try {
            return new Delivery(message, decode(message), null);
        } catch (InvalidEventException e) {
            LOG.errorf("Dead-lettering an event that breaks its contract: %s", e.getMessage());
            registry.counter(
                            "embargo.inbox.dead-lettered",
                            "consumer",
                            consumer,
                            "reason",
                            "contract")
                    .increment();
            return new Delivery(message, null, message.nack(e));
        }
    }

    /** A run of one batch-handled type in one transaction, or one by one if that fails. */
    private Uni<Void> applyRun(
            List<Delivery> run, String consumer, EventHandlers handlers, Executor context) {
        return inBatch(consumer, run.stream().map(Delivery::event).toList(), handlers)
                .chain(() -> acknowledged(run))
                .onFailure(failure -> !stopping)
                .recoverWithUni(
                        failure -> {
                            LOG.warnf(
                                    "A batch of %d events failed (%s); applying them one by one",
                                    run.size(), abbreviated(failure));
                            Uni<Void> oneByOne = Uni.createFrom().voidItem();
                            for (Delivery delivery : run) {
                                oneByOne =
                                        oneByOne.chain(
                                                () ->
                                                        applyAlone(
                                                                delivery, consumer, handlers,
                                                                context));
                            }
                            return oneByOne;
                        })
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            LOG.infof(
                                    "A batch of %d events left for redelivery: the service is"
                                            + " stopping",
                                    run.size());
                            return null;
                        });
    }

    private static Uni<Void> acknowledged(List<Delivery> run) {
        Uni<Void> acks = Uni.createFrom().voidItem();
        for (Delivery delivery : run) {
            acks = acks.chain(() -> Uni.createFrom().completionStage(delivery.message()::ack));
        }
        return acks;
    }

    /**
     * One event in a transaction of its own, retried with backoff, then acknowledged or
     * dead-lettered.
     */
    private Uni<Void> applyAlone(
            Delivery delivery, String consumer, EventHandlers handlers, Executor context) {
        InboundEvent event = delivery.event();
        Message<String> message = delivery.message();
        // Retries resubscribe from Mutiny's timer thread, and a batch's earlier steps complete on
        // other threads; each attempt starts on the consumer's Vert.x context.
        Uni<Void> attempt =
                Uni.createFrom()
                        .deferred(
                                () ->
                                        handlers.handlesInBatches(event.type())
                                                ? inBatch(consumer, List.of(event), handlers)
                                                : inHibernateTransaction(
                                                        consumer, event, handlers));
        return attempt.runSubscriptionOn(context)
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

    private Uni<Void> inHibernateTransaction(
            String consumer, InboundEvent event, EventHandlers handlers) {
        return Transactions.inTransaction(
                () ->
                        recordFirstDelivery(consumer, event)
                                .chain(
                                        first -> {
                                            counted(consumer, event, first);
                                            return first
                                                    ? handlers.apply(event)
                                                    : Uni.createFrom().voidItem();
                                        }));
    }

    /**
     * Events of one batch-handled type on one SQL client transaction: all of them recorded with one
     * statement, and those recorded now (not processed before, nor earlier in the same batch)
     * handed to their handler.
     */
    private Uni<Void> inBatch(String consumer, List<InboundEvent> events, EventHandlers handlers) {
        Tuple recorded =
                Tuple.tuple()
                        .addString(consumer)
                        .addArrayOfString(
                                events.stream().map(InboundEvent::id).toArray(String[]::new))
                        .addArrayOfString(
                                events.stream()
                                        .map(event -> event.type().typeName())
                                        .toArray(String[]::new));
        return pool.withTransaction(
                transaction ->
                        transaction
                                .preparedQuery(RECORD_FIRST_DELIVERIES)
                                .execute(recorded)
                                .chain(
                                        rows -> {
                                            Set<String> first = new HashSet<>();
                                            rows.forEach(row -> first.add(row.getString(0)));
                                            List<InboundEvent> fresh = new ArrayList<>();
                                            for (InboundEvent event : events) {
                                                boolean isFirst = first.remove(event.id());
                                                counted(consumer, event, isFirst);
                                                if (isFirst) {
                                                    fresh.add(event);
                                                }
                                            }
                                            return fresh.isEmpty()
                                                    ? Uni.createFrom().voidItem()
                                                    : handlers.applyBatch(transaction, fresh);
                                        }));
    }

    private void counted(String consumer, InboundEvent event, boolean first) {
        registry.counter(
                        "embargo.inbox.events",
                        "consumer",
                        consumer,
                        "type",
                        event.type().typeName(),
                        "outcome",
                        first ? "applied" : "duplicate")
                .increment();
    }

    /** A message and its decoded event, or a message settled without one. */
    private record Delivery(
            Message<String> message, InboundEvent event, CompletionStage<Void> settled) {}

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
