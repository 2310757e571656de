package dev.embargo.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting until a component answers, with an error that shows why it did not. */
final class Readiness {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int LOG_TAIL_LINES = 30;

    /**
     * Every step of a start waits on one of these polls, Kafka's and each service's on the critical
     * path; a refused connection or a health answer costs the component next to nothing.
     */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private Readiness() {}

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
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    /** True when the URL answers 200 with a JSON array that is not empty. */
    static boolean answersNonEmptyList(String url) {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build();
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().strip().startsWith("[{");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    /**
     * Waits for {@code ready}; fails early, with the log's tail, if the process died on the way.
     */
    static void await(ManagedProcess process, Duration timeout, BooleanSupplier ready) {
        await(process.name(), process.logFile(), timeout, ready, process::isRunning);
    }

    /** Waits for {@code ready}, for a process the launcher does not own (the PostgreSQL server). */
    static void await(String name, Path logFile, Duration timeout, BooleanSupplier ready) {
        await(name, logFile, timeout, ready, () -> true);
    }

    private static void await(
            String name,
            Path logFile,
            Duration timeout,
            BooleanSupplier ready,
            BooleanSupplier alive) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!alive.getAsBoolean()) {
                throw new StackException(
                        name
                                + " exited while starting; the end of "
                                + logFile
                                + ":\n"
                                + Commands.tail(logFile, LOG_TAIL_LINES));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(
                        name
                                + " was not ready within "
                                + timeout.toSeconds()
                                + " s; the end of "
                                + logFile
                                + ":\n"
                                + Commands.tail(logFile, LOG_TAIL_LINES));
            }
            ManagedProcess.sleep(POLL_INTERVAL);
        }
    }
}
