package dev.embargo.notify.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed webhook delivery is tried again: the configured waits after the first, second, ...
 * failed try, each varied by up to a fifth either way, so that endpoints that failed together are
 * not all retried in the same instant. The default schedule spans about three days (5 s, 5 min, 30
 * min, 2 h, 5 h, 10 h, 14 h, 20 h, 20 h: 71 h 35 min).
 */
public record RetrySchedule(List<Duration> waits) {

    private static final double JITTER = 0.2;

    public RetrySchedule {
        waits = List.copyOf(waits);
    }

    /** Tries in all: the first and one per wait. */
    public int tries() {
        return waits.size() + 1;
    }

    /**
     * How long to wait after {@code failedTries} failed tries; empty when the schedule is spent.
     */
    public Optional<Duration> waitAfter(int failedTries) {
        if (failedTries < 1 || failedTries > waits.size()) {
            return Optional.empty();
        }
        Duration wait = waits.get(failedTries - 1);
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Optional.of(Duration.ofMillis(Math.max(0, Math.round(wait.toMillis() * factor))));
    }

    /**
     * The whole schedule without jitter: how long a partner may be down before a message is given
     * up.
     */
    public Duration span() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
