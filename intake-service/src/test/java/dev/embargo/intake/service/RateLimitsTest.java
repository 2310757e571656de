package dev.embargo.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aClientGetsItsMinutesAllowanceThenWaitsForTheNextRequest() {
        RateLimits limits = new RateLimits(6, 1000, List.of(), now::get);
        for (int i = 0; i < 6; i++) {
            assertThat(limits.secondsToWait("203.0.113.7", null)).isZero();
        }
        // Six a minute: one more every 10 seconds.
        assertThat(limits.secondsToWait("203.0.113.7", null)).isEqualTo(10);
        now.addAndGet(10_000_000_000L);
        assertThat(limits.secondsToWait("203.0.113.7", null)).isZero();
    }

    @Test
    void clientsDoNotShareAllowancesButEveryoneSharesTheGlobalOne() {
        RateLimits limits = new RateLimits(2, 3, List.of(), now::get);
        assertThat(limits.secondsToWait("203.0.113.1", null)).isZero();
        assertThat(limits.secondsToWait("203.0.113.1", null)).isZero();
        assertThat(limits.secondsToWait("203.0.113.1", null)).isPositive();
        assertThat(limits.secondsToWait("203.0.113.2", null)).isZero();
        assertThat(limits.secondsToWait("203.0.113.3", null)).isEqualTo(1);
    }

    @Test
    void forwardedForCountsOnlyFromATrustedProxy() {
        RateLimits limits = new RateLimits(1, 1000, List.of("10.0.0.5"), now::get);
        assertThat(limits.clientOf("10.0.0.5", "198.51.100.9, 10.0.0.5")).isEqualTo("198.51.100.9");
        assertThat(limits.clientOf("203.0.113.4", "198.51.100.9")).isEqualTo("203.0.113.4");
        // A client cannot dodge its limit by inventing forwarded addresses.
        assertThat(limits.secondsToWait("203.0.113.4", "1.1.1.1")).isZero();
        assertThat(limits.secondsToWait("203.0.113.4", "2.2.2.2")).isPositive();
    }
}
