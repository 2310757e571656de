package dev.embargo.policy.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of time as policies state it: {@code 48h}, {@code 7d} (calendar days), {@code 3bd}
 * (business days in the program's calendar), {@code 2w}, or no fixed time at all: {@code
 * next-release}, {@code best-effort} and {@code asap}.
 */
public record PolicyDuration(long amount, Unit unit) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,4})(h|d|bd|w)");

    public enum Unit {
        HOURS("h"),
        CALENDAR_DAYS("d"),
        BUSINESS_DAYS("bd"),
        WEEKS("w"),
        /** Fixed with the next release, whenever that is: no date can be promised. */
        NEXT_RELEASE("next-release"),
        /** The policy sets no time (seed 000: "as my schedule allows"). */
        BEST_EFFORT("best-effort"),
        /** As soon as possible: urgent, but no time is promised (an expedited track's clock). */
        ASAP("asap");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }
    }

    public static final PolicyDuration NEXT_RELEASE = new PolicyDuration(0, Unit.NEXT_RELEASE);
    public static final PolicyDuration BEST_EFFORT = new PolicyDuration(0, Unit.BEST_EFFORT);
    public static final PolicyDuration ASAP = new PolicyDuration(0, Unit.ASAP);

    @JsonCreator
    public static PolicyDuration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals(Unit.NEXT_RELEASE.symbol)) {
            return NEXT_RELEASE;
        }
        if (value.equals(Unit.BEST_EFFORT.symbol)) {
            return BEST_EFFORT;
        }
        if (value.equals(Unit.ASAP.symbol)) {
            return ASAP;
        }
        Matcher matcher = FORM.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a duration such as 48h, 7d, 3bd, 2w, next-release or"
                            + " best-effort");
        }
        long amount = Long.parseLong(matcher.group(1));
        Unit unit =
                switch (matcher.group(2)) {
                    case "h" -> Unit.HOURS;
                    case "d" -> Unit.CALENDAR_DAYS;
                    case "bd" -> Unit.BUSINESS_DAYS;
                    default -> Unit.WEEKS;
                };
        return new PolicyDuration(amount, unit);
    }

    /** True when no due time follows from it. */
    public boolean isOpenEnded() {
        return unit == Unit.NEXT_RELEASE || unit == Unit.BEST_EFFORT || unit == Unit.ASAP;
    }

    @JsonValue
    @Override
    public String toString() {
        return isOpenEnded() ? unit.symbol : amount + unit.symbol;
    }
}
