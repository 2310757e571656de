package dev.embargo.benchmarks;

/**
 * One figure of a run as RESULTS.md lists it: what was measured, the value, and the target it is
 * held to (empty when it only explains the others) with whether the value met it.
 */
public record Figure(String name, String value, String target, boolean met) {

    /** A figure held to no target. */
    public static Figure of(String name, String value) {
        return new Figure(name, value, "", false);
    }

    /** The same figure held to {@code target}, which its value {@code met} or missed. */
    public Figure withTarget(String target, boolean met) {
        return new Figure(name, value, target, met);
    }

    /** Met, missed or nothing, for the table's last column. */
    String verdict() {
        if (target.isEmpty()) {
            return "";
        }
        return met ? "met" : "**missed**";
    }
}
