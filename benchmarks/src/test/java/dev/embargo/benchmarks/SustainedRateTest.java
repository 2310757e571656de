package dev.embargo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.benchmarks.SustainedRate.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class SustainedRateTest {

    @Test
    void theSustainedRateIsTheHighestStepWhoseP99StayedUnderASecond() {
        Figure figure =
                SustainedRate.sustainedRate(
                        List.of(
                                new Step(25, 80, 300),
                                new Step(50, 90, 600),
                                new Step(100, 400, 1500)));

        assertThat(figure.value()).isEqualTo("50 reports/s");
        assertThat(figure.verdict()).isEqualTo("**missed**");
    }

    @Test
    void whenEvenTheLowestStepMissedTheRateIsOnlyKnownToBeBelowIt() {
        Figure figure = SustainedRate.sustainedRate(List.of(new Step(25, 4361, 6390)));

        assertThat(figure.value()).isEqualTo("below 25 reports/s (the lowest step)");
        assertThat(figure.verdict()).isEqualTo("**missed**");
    }

    @Test
    void aStepAtTheTargetRateUnderASecondMeetsIt() {
        Figure figure =
                SustainedRate.sustainedRate(
                        List.of(new Step(100, 80, 300), new Step(200, 150, 900)));

        assertThat(figure.value()).isEqualTo("200 reports/s");
        assertThat(figure.verdict()).isEqualTo("met");
    }
}
