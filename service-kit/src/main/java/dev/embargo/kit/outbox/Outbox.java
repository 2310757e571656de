package dev.embargo.kit.outbox;

import dev.embargo.contracts.EventCodec;
import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import dev.embargo.kit.id.TimeOrderedIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Where services record the events they emit. {@link #stage} must be called inside the transaction
 * that changes the state the event announces; {@link OutboxRelay} publishes it after the commit.
 * Services never send to Kafka directly.
 */
@ApplicationScoped
public class Outbox {

    /**
     * A row per element, in array order, so that seq (the column's default, the relay's order)
     * keeps it.
     */
    private static final String INSERT_ALL =
            """
            INSERT INTO outbox_event (id, topic, event_key, event_type, occurred_at, payload)
            SELECT id, topic, event_key, event_type, occurred_at, payload
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])
                WITH ORDINALITY AS event (id, topic, event_key, event_type, occurred_at, payload, position)
            ORDER BY position\
            """;

    private final EventCodec codec;

    Outbox(EventCodec codec) {
        this.codec = codec;
    }

    /**
     * Adds the event to the current transaction. Validates the payload against its schema now, not
     * at relay time.
     */
    public Uni<OutboxEvent> stage(EventPayload payload) {
        return eventOf(payload).persist();
    }

    /** Adds the events to the current transaction, in this order. */
    public Uni<Void> stageAll(List<? extends EventPayload> payloads) {
        Uni<Void> staged = Uni.createFrom().voidItem();
        for (EventPayload payload : payloads) {
            staged = staged.chain(() -> stage(payload)).replaceWithVoid();
        }
        return staged;
    }

    /**
     * Adds the events, in this order, to the transaction open on {@code transaction}: for work done
     * through the SQL client rather than Hibernate. One statement for all of them.
     */
    public Uni<Void> stageAll(SqlConnection transaction, List<? extends EventPayload> payloads) {
        if (payloads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<OutboxEvent> events = payloads.stream().map(this::eventOf).toList();
        Tuple columns =
                Tuple.tuple()
                        .addArrayOfUUID(events.stream().map(event -> event.id).toArray(UUID[]::new))
                        .addArrayOfString(
                                events.stream().map(event -> event.topic).toArray(String[]::new))
                        .addArrayOfString(
                                events.stream().map(event -> event.eventKey).toArray(String[]::new))
                        .addArrayOfString(
                                events.stream()
                                        .map(event -> event.eventType)
                                        .toArray(String[]::new))
                        .addArrayOfOffsetDateTime(
                                events.stream()
                                        .map(event -> event.occurredAt)
                                        .toArray(OffsetDateTime[]::new))
                        .addArrayOfString(
                                events.stream().map(event -> event.payload).toArray(String[]::new));
        return transaction.preparedQuery(INSERT_ALL).execute(columns).replaceWithVoid();
    }

    private OutboxEvent eventOf(EventPayload payload) {
        EventType type = EventType.of(payload.getClass());
        OutboxEvent event = new OutboxEvent();
        event.id = TimeOrderedIds.next();
        event.topic = type.topic().name();
        event.eventKey = payload.subject();
        event.eventType = type.typeName();
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        event.payload = codec.encode(payload);
        return event;
    }
}
