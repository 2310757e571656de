package dev.embargo.localstack;

import java.time.Duration;
import java.time.Instant;

/**
 * Progress lines on the terminal, from several threads at once: {@code [..]} what is happening,
 * {@code [ok]} what is done, how long it took and when it was done since the launcher started (the
 * critical path of a start at a glance), {@code [!!]} what failed.
 */
final class Progress {

    private static final Instant LAUNCHED =
            ProcessHandle.current().info().startInstant().orElseGet(Instant::now);

    private Progress() {}

    static synchronized void note(String what) {
        System.out.println("[..] " + what);
    }

    static synchronized void done(String what, long startedNanos) {
        System.out.printf(
                "[ok] %s (%.1f s, at %.1f s)%n",
                what,
                seconds(startedNanos),
                Duration.between(LAUNCHED, Instant.now()).toMillis() / 1000.0);
    }

    static synchronized void failed(String what) {
        System.out.println("[!!] " + what);
    }

    /** Runs one step in the caller's thread, between a {@code [..]} and an {@code [ok]} line. */
    static void step(String what, Runnable action) {
        long started = System.nanoTime();
        note(what);
        try {
            action.run();
        } catch (RuntimeException e) {
            failed(what);
            throw e;
        }
        done(what, started);
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000.0;
    }
}
