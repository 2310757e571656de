package dev.embargo.kit.outbox;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.EventType;
import dev.embargo.kit.work.RepeatingPass;
import dev.embargo.kit.work.SessionContexts;
import dev.embargo.kit.work.WakeOnCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes committed outbox events to Kafka, oldest first, and marks them published by taking them
 * off the queue ({@code outbox_pending}, filled by a trigger on every insert into {@code
 * outbox_event}).
 *
 * <p>One replica relays at a time: a pass first takes a transaction-scoped advisory lock, and a
 * replica that finds it taken skips its pass. Were two to claim batches side by side (SKIP LOCKED),
 * a case's later event could reach Kafka before its earlier one, and consumers that keep the latest
 * state would keep the older. The entries stay locked until Kafka has acknowledged the events; if
 * the process dies in between, they are published again after restart: delivery is at least once,
 * and every consumer deduplicates on the CloudEvents id.
 *
 * <p>A pass runs as soon as a transaction that staged events commits (the queue's trigger notifies
 * {@value #STAGED_CHANNEL}); the poll interval is the safety net behind it.
 */
@ApplicationScoped
public class OutboxRelay {

    /**
     * The oldest queued events, locked in the queue (not in outbox_event, which is never changed).
     * The queue is read first, into an array: written as a join ordered by seq, PostgreSQL walked
     * outbox_event's seq index from its oldest row and looked each one up in the queue, a second
     * per claim with 200 000 published rows ahead of the first queued one.
     */
    private static final String CLAIM_BATCH =
            """
            SELECT seq, id, topic, event_key, event_type, occurred_at, payload FROM outbox_event
            WHERE seq = ANY(ARRAY(SELECT seq FROM outbox_pending ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED))
            ORDER BY seq\
            """;

    /** Held until the pass commits; false while another replica's pass runs. */
    private static final String TAKE_RELAY_LOCK =
            "SELECT pg_try_advisory_xact_lock(hashtext('embargo.outbox-relay')) AS taken";

    /** The channel outbox_pending's trigger notifies (migration V2026_12_07_901). */
    static final String STAGED_CHANNEL = "embargo_outbox";

    private static final String MARK_PUBLISHED = "DELETE FROM outbox_pending WHERE seq = ANY($1)";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final URI source;
    private final int batchSize;
    private final Counter published;
    private final Duration pollInterval;
    private final RepeatingPass pass = RepeatingPass.draining("Outbox relay", this::relay);

    OutboxRelay(
            Pool pool,
            @Channel("embargo-events") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "embargo.service-name") String serviceName,
            @ConfigProperty(name = "embargo.outbox.batch-size") int batchSize,
            @ConfigProperty(name = "embargo.outbox.poll-interval") Duration pollInterval,
            MeterRegistry registry) {
        this.pool = pool;
        this.emitter = emitter;
        this.pollInterval = pollInterval;
        this.source = URI.create(CloudEventAttributes.sourceOf(serviceName));
        this.batchSize = batchSize;
        this.published = registry.counter("embargo.outbox.published");
    }

    void start(@Observes StartupEvent startup, Vertx vertx, WakeOnCommit wakeOnCommit) {
        pass.start(vertx, pollInterval);
        wakeOnCommit.wake(pass, STAGED_CHANNEL);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        pass.stop();
    }

    /**
     * One pass: claims a batch, sends it, takes it off the queue in one statement; true when the
     * batch was full, so that the next one follows at once. Straight through the SQL client:
     * Hibernate wrote one UPDATE per event, and the relay is on every event's path.
     */
    Uni<Boolean> relay() {
        return pool.withTransaction(
                transaction ->
                        transaction
                                .query(TAKE_RELAY_LOCK)
                                .execute()
                                .chain(
                                        lock ->
                                                lock.iterator().next().getBoolean("taken")
                                                        ? relayBatch(transaction)
                                                        : Uni.createFrom().item(false)));
    }

    private Uni<Boolean> relayBatch(SqlConnection transaction) {
        return transaction
                .preparedQuery(CLAIM_BATCH)
                .execute(Tuple.of(batchSize))
                .map(
                        rows ->
                                StreamSupport.stream(rows.spliterator(), false)
                                        .map(OutboxRelay::eventOf)
                                        .toList())
                .chain(
                        batch ->
                                publishAll(transaction, batch)
                                        .replaceWith(batch.size() == batchSize));
    }

    private Uni<Void> publishAll(SqlConnection transaction, List<OutboxEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Kafka acknowledges on its own threads; the connection is used again from this context.
        Executor backOnConnectionContext = SessionContexts.current();
        // Sent in seq order; the idempotent producer keeps that order within each key's partition.
        List<Uni<Void>> sends = batch.stream().map(this::send).toList();
        Long[] seqs = batch.stream().map(event -> event.seq).toArray(Long[]::new);
        return Uni.join()
                .all(sends)
                .andFailFast()
                .emitOn(backOnConnectionContext)
                .chain(() -> transaction.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(seqs)))
                .invoke(() -> published.increment(batch.size()))
                .replaceWithVoid();
    }

    private static OutboxEvent eventOf(Row row) {
        OutboxEvent event = new OutboxEvent();
        event.seq = row.getLong("seq");
        event.id = row.getUUID("id");
        event.topic = row.getString("topic");
        event.eventKey = row.getString("event_key");
        event.eventType = row.getString("event_type");
        event.occurredAt = row.getOffsetDateTime("occurred_at");
        event.payload = row.getString("payload");
        return event;
    }

    private Uni<Void> send(OutboxEvent event) {
        OutgoingCloudEventMetadata<Object> cloudEvent =
                OutgoingCloudEventMetadata.builder()
                        .withId(event.id.toString())
                        .withSource(source)
                        .withType(event.eventType)
                        .withSubject(event.eventKey)
                        .withTimestamp(event.occurredAt.toZonedDateTime())
                        .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                        .withDataSchema(
                                URI.create(
                                        EventType.fromTypeName(event.eventType)
                                                .map(EventType::schemaPath)
                                                .orElse("schemas/unknown")))
                        .build();
        OutgoingKafkaRecordMetadata<String> record =
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic)
                        .withKey(event.eventKey)
                        .build();
        return emitter.sendMessage(Message.of(event.payload, Metadata.of(cloudEvent, record)));
    }
}
