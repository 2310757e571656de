package dev.embargo.policy.deadline;

import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.PolicyDuration;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Time arithmetic in a program's time zone: hours are elapsed time; days and weeks are calendar
 * days at the same local time (so a DST change makes a day 23 or 25 hours); business days skip the
 * weekend and the program's holidays.
 *
 * <p>Business days: a report that arrives on a business day counts from its arrival, so 3 business
 * days from Friday 18:00 end on Wednesday 18:00. One that arrives on a weekend or holiday counts
 * from the start of the next business day, so 3 business days from Saturday end as Thursday begins.
 * A local time that a DST change skips moves forward by the gap.
 */
public final class BusinessCalendar {

    private static final Set<DayOfWeek> DEFAULT_WEEKEND =
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private final ZoneId zone;
    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final LocalTime releaseTime;
    private final Set<DayOfWeek> noReleaseOn;

    /** A null zone (the policy states none) counts in UTC. */
    public BusinessCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {
        this(zone, weekend, holidays, null, null);
    }

    /**
     * @param releaseTime the local time of day releases happen; null: any time
     * @param noReleaseOn weekdays without releases
     */
    public BusinessCalendar(
            ZoneId zone,
            Set<DayOfWeek> weekend,
            Set<LocalDate> holidays,
            LocalTime releaseTime,
            Set<DayOfWeek> noReleaseOn) {
        this.zone = zone == null ? ZoneOffset.UTC : zone;
        this.weekend =
                weekend == null || weekend.isEmpty() ? DEFAULT_WEEKEND : EnumSet.copyOf(weekend);
        this.holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        this.releaseTime = releaseTime;
        this.noReleaseOn = noReleaseOn == null ? Set.of() : Set.copyOf(noReleaseOn);
    }

    public static BusinessCalendar of(ZoneId zone, DisclosurePolicy.Calendar calendar) {
        return calendar == null
                ? new BusinessCalendar(zone, null, null)
                : new BusinessCalendar(
                        zone,
                        calendar.weekend(),
                        calendar.holidays(),
                        calendar.releaseTime(),
                        calendar.noReleaseOn());
    }

    /**
     * The latest release slot at or before {@code due}: the release time of day on a day that is
     * not excluded ({@code noReleaseOn}). {@code due} itself when the policy sets neither; null for
     * null. Seven days back always reach an allowed day, unless every weekday is excluded.
     */
    public Instant latestReleaseSlot(Instant due) {
        if (due == null || releaseTime == null && noReleaseOn.isEmpty()) {
            return due;
        }
        LocalDateTime local = LocalDateTime.ofInstant(due, zone);
        LocalDate date = local.toLocalDate();
        LocalTime time = releaseTime == null ? local.toLocalTime() : releaseTime;
        if (time.isAfter(local.toLocalTime())) {
            date = date.minusDays(1);
        }
        for (int back = 0; back < 7 && noReleaseOn.contains(date.getDayOfWeek()); back++) {
            date = date.minusDays(1);
        }
        Instant slot = ZonedDateTime.of(date, time, zone).toInstant();
        // A DST gap can push the local time past due; the slot is never later than due.
        return slot.isAfter(due) ? due : slot;
    }

    /** {@code from} plus the duration; null for open-ended durations. */
    public Instant plus(Instant from, PolicyDuration duration) {
        ZonedDateTime start = from.atZone(zone);
        return switch (duration.unit()) {
            case HOURS -> from.plus(Duration.ofHours(duration.amount()));
            case CALENDAR_DAYS -> start.plusDays(duration.amount()).toInstant();
            case WEEKS -> start.plusWeeks(duration.amount()).toInstant();
            case BUSINESS_DAYS -> plusBusinessDays(start.toLocalDateTime(), duration.amount());
            case NEXT_RELEASE, BEST_EFFORT, ASAP -> null;
        };
    }

    /**
     * {@code from} minus a fixed duration, for windows that end at a due time (pre-release before
     * disclosure).
     */
    public Instant minus(Instant from, PolicyDuration duration) {
        ZonedDateTime end = from.atZone(zone);
        return switch (duration.unit()) {
            case HOURS -> from.minus(Duration.ofHours(duration.amount()));
            case CALENDAR_DAYS -> end.minusDays(duration.amount()).toInstant();
            case WEEKS -> end.minusWeeks(duration.amount()).toInstant();
            case BUSINESS_DAYS -> minusBusinessDays(end.toLocalDateTime(), duration.amount());
            case NEXT_RELEASE, BEST_EFFORT, ASAP -> null;
        };
    }

    public boolean isBusinessDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    private Instant plusBusinessDays(LocalDateTime start, long days) {
        LocalDateTime counted =
                isBusinessDay(start.toLocalDate())
                        ? start
                        : nextBusinessDay(start.toLocalDate()).atStartOfDay();
        LocalDate date = counted.toLocalDate();
        for (long i = 0; i < days; i++) {
            date = nextBusinessDay(date);
        }
        return ZonedDateTime.of(date, counted.toLocalTime(), zone).toInstant();
    }

    private Instant minusBusinessDays(LocalDateTime end, long days) {
        LocalDate date = end.toLocalDate();
        for (long i = 0; i < days; i++) {
            do {
                date = date.minusDays(1);
            } while (!isBusinessDay(date));
        }
        return ZonedDateTime.of(date, end.toLocalTime(), zone).toInstant();
    }

    private LocalDate nextBusinessDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isBusinessDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
