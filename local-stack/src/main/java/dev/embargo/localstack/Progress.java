package dev.embargo.localstack;

/** Progress lines on the terminal: what is happening, then how it ended and how long it took. */
final class Progress {

    void step(String what, Runnable action) {
        long started = System.nanoTime();
        System.out.printf("[..] %s%n", what);
        try {
            action.run();
        } catch (RuntimeException e) {
            System.out.printf("[!!] %s%n", what);
            throw e;
        }
        System.out.printf("[ok] %s (%.1f s)%n", what, (System.nanoTime() - started) / 1_000_000_000.0);
    }
}
