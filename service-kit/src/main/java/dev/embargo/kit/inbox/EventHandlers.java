package dev.embargo.kit.inbox;

import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What one consumer does with each event type it cares about. A topic carries every event of its
 * kind, most of them someone else's business (intake reads back each {@code report.submitted} it
 * published); knowing the handled types up front lets {@link InboundEvents} pass the others by
 * without decoding them or opening a transaction.
 *
 * <p>A type that arrives in bulk can instead have a batch handler ({@link #onBatch}): it gets the
 * new events of a run of that type from one Kafka batch at once, on the SQL client transaction that
 * also records them as processed, so that it can write them with one statement per table.
 */
public final class EventHandlers {

    private final Map<
                    Class<? extends EventPayload>,
                    BiFunction<EventPayload, InboundEvent, Uni<Void>>>
            byPayload = new HashMap<>();

    private final Map<Class<? extends EventPayload>, BatchHandler<EventPayload>> batchesByPayload =
            new HashMap<>();

    /** What a batch handler does with its events' payloads, on the open transaction. */
    @FunctionalInterface
    public interface BatchHandler<P extends EventPayload> {
        Uni<Void> apply(SqlConnection transaction, List<P> payloads);
    }

    /** Handles events whose current payload is {@code type}. */
    public <P extends EventPayload> EventHandlers on(
            Class<P> type, Function<P, Uni<Void>> handler) {
        return onWithEnvelope(type, (payload, event) -> handler.apply(payload));
    }

    /** The same, for a handler that also needs the event's id, source or time. */
    public <P extends EventPayload> EventHandlers onWithEnvelope(
            Class<P> type, BiFunction<P, InboundEvent, Uni<Void>> handler) {
        checkNew(type);
        byPayload.put(type, (payload, event) -> handler.apply(type.cast(payload), event));
        return this;
    }

    /**
     * Handles events whose current payload is {@code type} a batch at a time, on the transaction
     * that records them (a batch of one when a failed batch is retried event by event).
     */
    public <P extends EventPayload> EventHandlers onBatch(Class<P> type, BatchHandler<P> handler) {
        checkNew(type);
        batchesByPayload.put(
                type,
                (transaction, payloads) ->
                        handler.apply(transaction, payloads.stream().map(type::cast).toList()));
        return this;
    }

    private void checkNew(Class<? extends EventPayload> type) {
        EventType eventType = EventType.of(type);
        if (eventType.current() != eventType) {
            throw new IllegalArgumentException(
                    type.getSimpleName()
                            + " is an old version: handle "
                            + eventType.current().payloadType().getSimpleName()
                            + ", which older events are read as");
        }
        if (byPayload.containsKey(type) || batchesByPayload.containsKey(type)) {
            throw new IllegalArgumentException("Two handlers for " + type.getSimpleName());
        }
    }

    /** Whether events of this type (any version) have a handler here. */
    boolean handles(EventType type) {
        Class<? extends EventPayload> payloadType = type.current().payloadType();
        return byPayload.containsKey(payloadType) || batchesByPayload.containsKey(payloadType);
    }

    /** Whether events of this type (any version) have a batch handler. */
    boolean handlesInBatches(EventType type) {
        return batchesByPayload.containsKey(type.current().payloadType());
    }

    /**
     * The batch handler's work for decoded events, all of one batch-handled type (any versions).
     */
    Uni<Void> applyBatch(SqlConnection transaction, List<InboundEvent> events) {
        return batchesByPayload
                .get(events.getFirst().payload().getClass())
                .apply(transaction, events.stream().map(InboundEvent::payload).toList());
    }

    /** The handler's work for a decoded event, which must be of a handled type. */
    Uni<Void> apply(InboundEvent event) {
        BiFunction<EventPayload, InboundEvent, Uni<Void>> handler =
                byPayload.get(event.payload().getClass());
        if (handler == null) {
            throw new IllegalStateException("No handler for " + event.type().typeName());
        }
        return handler.apply(event.payload(), event);
    }
}
