package dev.embargo.policy.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.policy.model.PolicyDuration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Christmas and Boxing Day 2026, as a German program would list them. */
    private static final Set<LocalDate> HOLIDAYS =
            Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"));

    private final BusinessCalendar calendar =
            new BusinessCalendar(BERLIN, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), HOLIDAYS);

    @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    report on Friday evening counts from its arrival         | 2026-11-27T18:00:00+01:00 | 3bd | 2026-12-02T18:00:00+01:00
                    report on Saturday counts from Monday's start            | 2026-11-28T10:00:00+01:00 | 3bd | 2026-12-03T00:00:00+01:00
                    report on a holiday counts from the next business day    | 2026-12-25T09:00:00+01:00 | 1bd | 2026-12-29T00:00:00+01:00
                    business days skip holidays inside the span              | 2026-12-23T12:00:00+01:00 | 2bd | 2026-12-28T12:00:00+01:00
                    zero business days on a business day is now              | 2026-11-25T08:00:00+01:00 | 0bd | 2026-11-25T08:00:00+01:00
                    hours are elapsed time across the spring DST change      | 2026-03-28T12:00:00+01:00 | 24h | 2026-03-29T13:00:00+02:00
                    calendar days keep the local time across spring DST      | 2026-03-28T12:00:00+01:00 | 1d  | 2026-03-29T12:00:00+02:00
                    calendar days keep the local time across autumn DST      | 2026-10-24T12:00:00+02:00 | 1d  | 2026-10-25T12:00:00+01:00
                    a week is seven calendar days                            | 2026-11-27T18:00:00+01:00 | 1w  | 2026-12-04T18:00:00+01:00
                    a local time DST skips moves forward by the gap          | 2026-03-28T02:30:00+01:00 | 1d  | 2026-03-29T03:30:00+02:00
                    business days across the DST change keep the local time  | 2026-03-27T09:00:00+01:00 | 1bd | 2026-03-30T09:00:00+02:00
                    """)
    void addsPolicyDurationsInTheProgramsTimeZone(
            String edgeCase, String from, String duration, String expected) {
        Instant start = java.time.OffsetDateTime.parse(from).toInstant();
        assertThat(calendar.plus(start, PolicyDuration.parse(duration)))
                .as(edgeCase)
                .isEqualTo(java.time.OffsetDateTime.parse(expected).toInstant());
    }

    @ParameterizedTest(name = "{0} sets no due time")
    @CsvSource({"next-release", "best-effort"})
    void openEndedDurationsHaveNoDueTime(String duration) {
        assertThat(
                        calendar.plus(
                                Instant.parse("2026-11-27T17:00:00Z"),
                                PolicyDuration.parse(duration)))
                .isNull();
    }

    @ParameterizedTest(name = "{0} business days before {1} is {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    5bd | 2026-12-04T18:00:00+01:00 | 2026-11-27T18:00:00+01:00
                    5d  | 2026-12-04T18:00:00+01:00 | 2026-11-29T18:00:00+01:00
                    """)
    void windowsThatEndAtADueTimeCountBackwards(String duration, String end, String expected) {
        assertThat(
                        calendar.minus(
                                java.time.OffsetDateTime.parse(end).toInstant(),
                                PolicyDuration.parse(duration)))
                .isEqualTo(java.time.OffsetDateTime.parse(expected).toInstant());
    }

    /** Releases at 14:00 Berlin time, never on Friday or the weekend. */
    private final BusinessCalendar releases =
            new BusinessCalendar(
                    BERLIN,
                    null,
                    null,
                    java.time.LocalTime.of(14, 0),
                    Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    @ParameterizedTest(name = "{0}: due {1}, released {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    due after the release time: that day's slot      | 2026-12-02T18:00:00+01:00 | 2026-12-02T14:00:00+01:00
                    due at the release time: that slot               | 2026-12-02T14:00:00+01:00 | 2026-12-02T14:00:00+01:00
                    due before the release time: the day before     | 2026-12-02T09:00:00+01:00 | 2026-12-01T14:00:00+01:00
                    due on Sunday: back to Thursday                  | 2026-12-06T18:00:00+01:00 | 2026-12-03T14:00:00+01:00
                    due Monday morning: back over the weekend        | 2026-12-07T09:00:00+01:00 | 2026-12-03T14:00:00+01:00
                    """)
    void aReleaseMovesEarlierToTheLatestSlotAtOrBeforeItsDueTime(
            String kind, String due, String released) {
        assertThat(releases.latestReleaseSlot(java.time.OffsetDateTime.parse(due).toInstant()))
                .as(kind)
                .isEqualTo(java.time.OffsetDateTime.parse(released).toInstant());
    }

    @org.junit.jupiter.api.Test
    void withoutReleaseRulesTheDueTimeStays() {
        Instant due = Instant.parse("2026-12-04T17:00:00Z");
        assertThat(calendar.latestReleaseSlot(due)).isEqualTo(due);
    }
}
