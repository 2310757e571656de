package dev.embargo.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackingIdsTest {

    @Test
    void tracksWithTheSubmissionYearAndAFiveDigitNumber() {
        assertThat(TrackingIds.format(Instant.parse("2026-11-24T10:00:00Z"), 42))
                .isEqualTo("EMB-2026-00042");
    }

    @Test
    void usesTheYearInUtcSoTheIdDoesNotDependOnTheServersZone() {
        assertThat(TrackingIds.format(Instant.parse("2026-12-31T23:30:00Z"), 7))
                .isEqualTo("EMB-2026-00007");
        assertThat(TrackingIds.format(Instant.parse("2027-01-01T00:00:00Z"), 8))
                .isEqualTo("EMB-2027-00008");
    }

    @Test
    void growsBeyondFiveDigitsWithoutWrapping() {
        assertThat(TrackingIds.format(Instant.parse("2026-01-01T00:00:00Z"), 123_456))
                .isEqualTo("EMB-2026-123456");
    }
}
