package dev.embargo.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule =
            new RetrySchedule(
                    List.of(
                            Duration.ofSeconds(5),
                            Duration.ofMinutes(5),
                            Duration.ofMinutes(30),
                            Duration.ofHours(2),
                            Duration.ofHours(5),
                            Duration.ofHours(10),
                            Duration.ofHours(14),
                            Duration.ofHours(20),
                            Duration.ofHours(20)));

    @Test
    void theDefaultScheduleSpansAboutThreeDaysInTenTries() {
        assertThat(schedule.tries()).isEqualTo(10);
        assertThat(schedule.span()).isBetween(Duration.ofHours(70), Duration.ofHours(73));
    }

    @Test
    void eachWaitVariesByAtMostAFifthEitherWay() {
        for (int i = 0; i < 200; i++) {
            assertThat(schedule.waitAfter(2))
                    .hasValueSatisfying(
                            wait ->
                                    assertThat(wait)
                                            .isBetween(
                                                    Duration.ofMinutes(4), Duration.ofMinutes(6)));
        }
        assertThat(
                        java.util.stream.IntStream.range(0, 50)
                                .mapToObj(i -> schedule.waitAfter(4).orElseThrow())
                                .distinct()
                                .count())
                .isGreaterThan(1);
    }

    @Test
    void afterTheLastTryThereIsNoWait() {
        assertThat(schedule.waitAfter(9)).isPresent();
        assertThat(schedule.waitAfter(10)).isEmpty();
        assertThat(schedule.waitAfter(0)).isEmpty();
    }
}
