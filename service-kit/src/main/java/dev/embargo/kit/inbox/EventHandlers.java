package dev.embargo.kit.inbox;

import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What one consumer does with each event type it cares about. A topic carries every event of its
 * kind, most of them someone else's business (intake reads back each {@code report.submitted} it
 * published); knowing the handled types up front lets {@link InboundEvents} pass the others by
 * without decoding them or opening a transaction.
 */
public final class EventHandlers {

    private final Map<
                    Class<? extends EventPayload>,
                    BiFunction<EventPayload, InboundEvent, Uni<Void>>>
            byPayload = new HashMap<>();

    /** Handles events whose current payload is {@code type}. */
    public <P extends EventPayload> EventHandlers on(
            Class<P> type, Function<P, Uni<Void>> handler) {
        return onWithEnvelope(type, (payload, event) -> handler.apply(payload));
    }

    /** The same, for a handler that also needs the event's id, source or time. */
    public <P extends EventPayload> EventHandlers onWithEnvelope(
            Class<P> type, BiFunction<P, InboundEvent, Uni<Void>> handler) {
        EventType eventType = EventType.of(type);
        if (eventType.current() != eventType) {
            throw new IllegalArgumentException(
                    type.getSimpleName()
                            + " is an old version: handle "
                            + eventType.current().payloadType().getSimpleName()
                            + ", which older events are read as");
        }
        if (byPayload.putIfAbsent(
                        type, (payload, event) -> handler.apply(type.cast(payload), event))
                != null) {
            throw new IllegalArgumentException("Two handlers for " + type.getSimpleName());
        }
        return this;
    }

    /** Whether events of this type (any version) have a handler here. */
    boolean handles(EventType type) {
        return byPayload.containsKey(type.current().payloadType());
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
