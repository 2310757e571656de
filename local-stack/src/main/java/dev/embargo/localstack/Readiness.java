package dev.embargo.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting until a component answers, with an error that shows why it did not. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean answers200(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for {@code ready}; fails early, with the log's tail, if the process died on the way. */
    static void await(ManagedProcess process, Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (process != null && !process.isRunning()) {
                throw new StackException(process.name() + " exited while starting; the end of " + process.logFile()
                        + ":\n" + process.logTail(30));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException((process == null ? "A component" : process.name()) + " was not ready within "
                        + timeout.toSeconds() + " s" + (process == null ? "" : "; the end of " + process.logFile()
                        + ":\n" + process.logTail(30)));
            }
            ManagedProcess.sleep(Duration.ofMillis(200));
        }
    }
}
