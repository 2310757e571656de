package dev.embargo.intake.service;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Tracking ids humans can read aloud and quote in mail: {@code EMB-<year>-<number>}, e.g.
 * EMB-2026-00042.
 */
final class TrackingIds {

    private TrackingIds() {}

    static String format(Instant submittedAt, long number) {
        return "EMB-%d-%05d".formatted(submittedAt.atZone(ZoneOffset.UTC).getYear(), number);
    }
}
