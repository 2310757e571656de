package dev.embargo.triage.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.embargo.triage.config.TriageConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Triage's clock runs ahead only where a test stack allowed it, and never behind. */
class TriageClockTest {

    @Test
    void aClockThatIsNotAdjustableRefusesToRunAhead() {
        TriageClock clock = clock(false);
        assertThatThrownBy(() -> clock.setOffset(Duration.ofDays(10)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(clock.offset()).isZero();
    }

    @Test
    void anAdjustableClockRunsAheadButNotBehind() {
        TriageClock clock = clock(true);
        clock.setOffset(Duration.ofDays(10));
        assertThat(clock.now()).isAfter(java.time.Instant.now().plus(Duration.ofDays(9)));
        assertThatThrownBy(() -> clock.setOffset(Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(10));
    }

    private static TriageClock clock(boolean adjustable) {
        TriageConfig config = mock(TriageConfig.class, RETURNS_DEEP_STUBS);
        when(config.clock().adjustable()).thenReturn(adjustable);
        return new TriageClock(config);
    }
}
