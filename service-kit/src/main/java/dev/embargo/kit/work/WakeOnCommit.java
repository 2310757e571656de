package dev.embargo.kit.work;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wakes a {@link RepeatingPass} as soon as a transaction that queued work for it commits, in this
 * replica or any other: the queue's trigger sends a PostgreSQL {@code NOTIFY} on a channel, which
 * PostgreSQL delivers at commit and never for a transaction rolled back. One connection per service
 * listens on every channel. The pass's own interval stays the safety net for a notification lost
 * while the connection was down; on every (re)connection each pass is woken once, to pick up
 * whatever was committed meanwhile.
 */
@ApplicationScoped
public class WakeOnCommit {

    private static final Logger LOG = Logger.getLogger(WakeOnCommit.class);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final PgSubscriber subscriber;
    private boolean connecting;

    WakeOnCommit(
            Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        PgConnectOptions options =
                PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                        .setUser(user)
                        .setPassword(password);
        this.subscriber =
                PgSubscriber.subscriber(vertx, options)
                        .reconnectPolicy(attempts -> RECONNECT_AFTER.toMillis());
    }

    /**
     * Wakes the pass whenever a committed transaction notified {@code channel}. Call after the pass
     * has started.
     */
    public synchronized void wake(RepeatingPass pass, String channel) {
        subscriber
                .channel(channel)
                .subscribeHandler(ignored -> pass.wake())
                .handler(ignored -> pass.wake());
        if (!connecting) {
            connecting = true;
            subscriber
                    .connect()
                    .onFailure(
                            failure ->
                                    LOG.warnf(
                                            "Not listening for commits yet (%s); passes run at"
                                                    + " their interval until it does",
                                            failure.getMessage()));
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        subscriber.close();
    }
}
