package dev.embargo.localstack;

/** One process of the stack, infrastructure or service. */
interface Component {

    String name();

    /** Starts the process unless it already runs; returns without waiting for readiness. */
    void start();

    /** Blocks until the component serves requests, or fails with the reason. */
    void awaitReady();

    void stop();

    boolean isRunning();

    /** Where it listens, for {@code status} and the summary. */
    String endpoint();
}
