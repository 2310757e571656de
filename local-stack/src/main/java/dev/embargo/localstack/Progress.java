package dev.embargo.localstack;

/**
 * Progress lines on the terminal, from several threads at once: {@code [..]} what is happening,
 * {@code [ok]} what is done and how long it took, {@code [!!]} what failed.
 */
final class Progress {

    private Progress() {}

    static synchronized void note(String what) {
        System.out.println("[..] " + what);
    }

    static synchronized void done(String what, long startedNanos) {
        System.out.printf("[ok] %s (%.1f s)%n", what, seconds(startedNanos));
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
