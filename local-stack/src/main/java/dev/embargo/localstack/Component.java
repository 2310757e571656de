package dev.embargo.localstack;

import java.util.List;
import java.util.OptionalLong;

/** One process of the stack, infrastructure or service. */
interface Component {

    String name();

    /** Starts the process unless it already runs; returns without waiting for readiness. */
    void start();

    /**
     * Blocks until the component serves requests (and has what the services need: databases,
     * topics), or fails with the reason.
     */
    void awaitReady();

    /** Stops the process and waits until it is gone. */
    void stop();

    boolean isRunning();

    /** The running process's id, for {@code status}. */
    OptionalLong pid();

    /**
     * The ports it listens on: a foreign program on one of them stops {@code up} before anything
     * starts.
     */
    List<Integer> ports();

    /** Where it listens, for {@code status} and progress lines. */
    String endpoint();
}
