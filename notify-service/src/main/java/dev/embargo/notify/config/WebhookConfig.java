package dev.embargo.notify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How notify delivers webhooks, under {@code embargo.notify.webhooks}. */
@ConfigMapping(prefix = "embargo.notify.webhooks")
public interface WebhookConfig {

    /**
     * How often the dispatcher looks for due deliveries: retries, and any delivery a missed commit
     * notification left waiting (new ones are sent as soon as they are committed).
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries claimed per pass: a whole fan-out to a thousand endpoints goes out in one. */
    @WithDefault("1000")
    int batchSize();

    /** Requests in flight at once. */
    @WithDefault("128")
    int concurrency();

    /** How long one try may take before it counts as failed. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * How long a claimed delivery stays with the pass that claimed it. If the process dies while
     * sending, the delivery is tried again once this has passed (same webhook-id, same body).
     */
    @WithDefault("60s")
    Duration lease();

    /**
     * The waits between tries (see RetrySchedule); after the last, the delivery is dead-lettered.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,14h,20h,20h")
    List<Duration> retrySchedule();

    /** The staff console's URL, which subscriptions' chat and issue bodies link to. */
    @WithDefault("http://localhost:8082/console/")
    String consoleUrl();

    /** How long the previous secret keeps signing after a rotation. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** Allows http:// URLs (local stack and tests only). */
    @WithDefault("false")
    boolean allowHttp();

    /** Allows special-purpose addresses, loopback and private ones (local stack and tests only). */
    @WithDefault("false")
    boolean allowPrivateAddresses();
}
