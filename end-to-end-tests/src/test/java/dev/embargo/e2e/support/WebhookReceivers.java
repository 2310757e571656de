package dev.embargo.e2e.support;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Partners' webhook receivers: a real HTTP server on 127.0.0.1 where each path is one receiver. A
 * receiver records every request it gets (headers and body, as they arrived) and answers as told:
 * 200, a number of 500s first, always 500, or slowly.
 */
public final class WebhookReceivers implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    public WebhookReceivers() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the webhook receivers", e);
        }
        server.setExecutor(threads);
        server.createContext(
                "/",
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    received.computeIfAbsent(path, ignored -> new CopyOnWriteArrayList<>())
                            .add(
                                    new Received(
                                            exchange.getRequestHeaders().getFirst("webhook-id"),
                                            exchange.getRequestHeaders()
                                                    .getFirst("webhook-timestamp"),
                                            exchange.getRequestHeaders()
                                                    .getFirst("webhook-signature"),
                                            body));
                    sleep(delay);
                    AtomicInteger failures = failuresLeft.get(path);
                    int status = failures != null && failures.getAndDecrement() > 0 ? 500 : 200;
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                    answered.incrementAndGet();
                });
        server.start();
    }

    /** The URL of the receiver at {@code path}, e.g. {@code /partner-a}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The receiver answers 500 to its next {@code times} requests, then 200. */
    public void failFirst(String path, int times) {
        failuresLeft.put(path, new AtomicInteger(times));
    }

    /** The receiver answers 500 to everything. */
    public void failAlways(String path) {
        failFirst(path, Integer.MAX_VALUE);
    }

    public void recover(String path) {
        failuresLeft.remove(path);
    }

    /** Every receiver takes this long to answer. */
    public void answerAfter(Duration answerDelay) {
        delay = answerDelay;
    }

    public List<Received> at(String path) {
        return received.getOrDefault(path, List.of());
    }

    /** How many requests the receivers have answered, all paths together. */
    public int answered() {
        return answered.get();
    }

    public int pathsReached() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void sleep(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One request as a receiver got it. */
    public record Received(String webhookId, String timestamp, String signature, String body) {

        /**
         * Whether a partner's receiver with {@code secret} accepts the request, checked as the
         * Standard Webhooks reference library checks it (one {@code v1} signature matches, the
         * timestamp within five minutes of now).
         */
        public boolean signedWith(String secret) {
            try {
                new Webhook(secret)
                        .verify(
                                body,
                                Map.of(
                                        "webhook-id",
                                        List.of(webhookId),
                                        "webhook-timestamp",
                                        List.of(timestamp),
                                        "webhook-signature",
                                        List.of(signature)));
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            } catch (EmptyWebhookSecretException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
