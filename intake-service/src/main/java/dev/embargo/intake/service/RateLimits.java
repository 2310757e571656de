package dev.embargo.intake.service;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.domain.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Per-client and global rate limits of the public reporter endpoints, without a third party: a
 * token bucket per client address (its minute's allowance at once, then one request every 60/n
 * seconds) and one for everyone. Kept per replica; with several replicas each enforces its share.
 * Buckets of clients that went quiet are forgotten.
 */
@ApplicationScoped
public class RateLimits {

    private static final long SWEEP_EVERY = 10_000;

    private final int perClientPerMinute;
    private final TokenBucket global;
    private final List<String> trustedProxies;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> clients = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    @Inject
    RateLimits(IntakeConfig config) {
        this(
                config.rateLimits().perClientPerMinute(),
                config.rateLimits().globalPerSecond(),
                config.rateLimits().trustedProxies().orElse(List.of()),
                System::nanoTime);
    }

    RateLimits(
            int perClientPerMinute,
            int globalPerSecond,
            List<String> trustedProxies,
            LongSupplier clock) {
        this.perClientPerMinute = perClientPerMinute;
        this.global = new TokenBucket(globalPerSecond, globalPerSecond, clock.getAsLong());
        this.trustedProxies = List.copyOf(trustedProxies);
        this.clock = clock;
    }

    /**
     * Lets the request through (0) or says how many seconds the client should wait (at least 1).
     * The client is the connection's address, or the first address of {@code X-Forwarded-For} when
     * the connection comes from a trusted proxy.
     */
    public long secondsToWait(String remoteAddress, String forwardedFor) {
        long now = clock.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            clients.values().removeIf(bucket -> bucket.fullAt(now));
        }
        String client = clientOf(remoteAddress, forwardedFor);
        long wait =
                clients.computeIfAbsent(
                                client,
                                ignored ->
                                        new TokenBucket(
                                                perClientPerMinute, perClientPerMinute / 60.0, now))
                        .tryTake(now);
        if (wait == 0) {
            wait = global.tryTake(now);
        }
        return wait == 0 ? 0 : Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    }

    /** The client a request comes from, as {@link #secondsToWait} identifies it. */
    public String clientOf(String remoteAddress, String forwardedFor) {
        if (forwardedFor != null
                && !forwardedFor.isBlank()
                && trustedProxies.contains(remoteAddress)) {
            return forwardedFor.split(",")[0].strip();
        }
        return remoteAddress;
    }
}
