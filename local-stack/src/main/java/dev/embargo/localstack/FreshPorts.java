package dev.embargo.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.Supplier;

/**
 * Ports chosen free just before a server binds them, for tests that must not meet a running stack.
 * Between the choice and the bind another process may take a port (the server then fails with
 * "Address already in use"), so a start on such ports is tried again on fresh ones.
 */
public final class FreshPorts {

    /** Starts on fresh ports before the caller is told that it cannot start. */
    public static final int ATTEMPTS = 3;

    private static final System.Logger LOG = System.getLogger(FreshPorts.class.getName());

    private FreshPorts() {}

    /** A port free on 127.0.0.1 when asked; nothing holds it afterwards. */
    public static int choose() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /**
     * Runs {@code start} until it succeeds, at most {@link #ATTEMPTS} times, and logs why an
     * attempt failed. {@code start} chooses its ports itself and stops whatever it started before
     * it throws.
     */
    public static <T> T retry(String what, Supplier<T> start) {
        StackException failures = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return start.get();
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "{0} failed to start (attempt {1} of {2}){3}: {4}",
                        what,
                        attempt,
                        ATTEMPTS,
                        attempt < ATTEMPTS ? ", trying again on fresh ports" : "",
                        e.getMessage());
                if (failures == null) {
                    failures =
                            new StackException(
                                    what
                                            + " did not start in "
                                            + ATTEMPTS
                                            + " attempts on fresh ports");
                }
                failures.addSuppressed(e);
            }
        }
        throw failures;
    }
}
