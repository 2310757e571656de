package dev.embargo.triage.service;

import dev.embargo.triage.config.TriageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time triage judges cases by: when they were acknowledged and moved, and whether a deadline is
 * due. It is the system clock, unless a test stack allowed it to be moved forward ({@code
 * embargo.triage.clock.adjustable}) so that deadlines of days fall due in seconds. The offset is
 * this process's own: a test running two triage replicas moves both.
 */
@ApplicationScoped
public class TriageClock {

    private final boolean adjustable;
    private volatile Duration offset = Duration.ZERO;

    TriageClock(TriageConfig config) {
        this.adjustable = config.clock().adjustable();
    }

    /** Now, to the microsecond PostgreSQL keeps. */
    public Instant now() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    /** Today in a program's time zone; in UTC for a program that states none. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(now(), zone == null ? ZoneOffset.UTC : zone);
    }

    public OffsetDateTime nowUtc() {
        return now().atOffset(ZoneOffset.UTC);
    }

    public boolean adjustable() {
        return adjustable;
    }

    public Duration offset() {
        return offset;
    }

    /**
     * Sets how far ahead of the system clock triage runs; refused unless the clock is adjustable.
     */
    public void setOffset(Duration newOffset) {
        if (!adjustable) {
            throw new IllegalStateException("Triage's clock is not adjustable here");
        }
        if (newOffset.isNegative()) {
            throw new IllegalArgumentException("The clock only runs ahead of the system clock");
        }
        offset = newOffset;
    }
}
