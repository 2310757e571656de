package dev.embargo.kit.outbox;

import dev.embargo.kit.work.RepeatingPass;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes published outbox rows whose event occurred longer ago than the retention ({@code
 * EMBARGO_OUTBOX_RETENTION}, 7 days). Once Kafka has an event its row only helps to trace a
 * delivery, and each row holds a copy of its event, sealed report text included: kept forever,
 * every service's database would hold a second copy of everything it ever announced. Rows still
 * queued for the relay ({@code outbox_pending}) are never touched, however old.
 */
@ApplicationScoped
public class OutboxPurge {

    /** In slices, so that one pass never holds many row locks or one long transaction. */
    private static final int SLICE = 5_000;

    private static final String DELETE_SLICE =
            """
            DELETE FROM outbox_event WHERE seq IN (
                SELECT seq FROM outbox_event e WHERE occurred_at < $1
                    AND NOT EXISTS (SELECT 1 FROM outbox_pending p WHERE p.seq = e.seq)
                LIMIT $2)\
            """;

    private final Pool pool;
    private final Duration retention;
    private final Duration interval;
    private final Counter purged;
    private final RepeatingPass pass = RepeatingPass.draining("Outbox purge", this::purge);

    OutboxPurge(
            Pool pool,
            @ConfigProperty(name = "embargo.outbox.retention") Duration retention,
            @ConfigProperty(name = "embargo.outbox.purge-interval") Duration interval,
            MeterRegistry registry) {
        this.pool = pool;
        this.retention = retention;
        this.interval = interval;
        this.purged = registry.counter("embargo.outbox.purged");
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        pass.start(vertx, interval);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        pass.stop();
    }

    /** One slice; true when it was full, so that the next one follows at once. */
    Uni<Boolean> purge() {
        OffsetDateTime occurredBefore = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        return pool.preparedQuery(DELETE_SLICE)
                .execute(Tuple.of(occurredBefore, SLICE))
                .map(
                        deleted -> {
                            purged.increment(deleted.rowCount());
                            return deleted.rowCount() == SLICE;
                        });
    }
}
