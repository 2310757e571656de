package dev.embargo.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CvssRatingTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0.0, none",
        "0.1, low",
        "3.9, low",
        "4.0, medium",
        "6.9, medium",
        "7.0, high",
        "8.9, high",
        "9.0, critical",
        "10.0, critical"
    })
    void ratesAScoreByFirstsBands(double score, String rating) {
        assertThat(CvssRating.of(score).wireName()).isEqualTo(rating);
    }
}
