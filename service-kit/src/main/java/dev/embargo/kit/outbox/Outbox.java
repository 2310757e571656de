package dev.embargo.kit.outbox;

import dev.embargo.contracts.EventCodec;
import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Where services record the events they emit. {@link #stage} must be called inside the
 * transaction that changes the state the event announces; {@link OutboxRelay} publishes it
 * after the commit. Services never send to Kafka directly.
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec;

    Outbox(EventCodec codec) {
        this.codec = codec;
    }

    /** Adds the event to the current transaction. Validates the payload against its schema now, not at relay time. */
    public Uni<OutboxEvent> stage(EventPayload payload) {
        EventType type = EventType.of(payload.getClass());
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = type.topic().name();
        event.eventKey = payload.subject();
        event.eventType = type.typeName();
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        event.payload = codec.encode(payload);
        return event.persist();
    }
}
