package dev.embargo.notify.support;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner's webhook receiver, on 127.0.0.1 unless told another loopback address: records every
 * request by path and answers 204, or 500 while a path is told to fail.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, List<Received>> byPath = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    public WebhookReceiver(InetSocketAddress address) {
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("No receiver on " + address, e);
        }
        server.createContext("/", this::receive);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /**
     * The next {@code times} requests to the path fail with 500; {@link Integer#MAX_VALUE} for
     * ever.
     */
    public void failNext(String path, int times) {
        failuresLeft.put(path, new AtomicInteger(times));
    }

    public void recover(String path) {
        failuresLeft.remove(path);
    }

    public List<Received> at(String path) {
        return List.copyOf(byPath.getOrDefault(path, List.of()));
    }

    private void receive(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        byPath.computeIfAbsent(path, ignored -> new CopyOnWriteArrayList<>())
                .add(
                        new Received(
                                headers.getFirst("host"),
                                headers.getFirst("webhook-id"),
                                headers.getFirst("webhook-timestamp"),
                                headers.getFirst("webhook-signature"),
                                body));
        AtomicInteger failures = failuresLeft.get(path);
        boolean fail = failures != null && failures.getAndDecrement() > 0;
        exchange.sendResponseHeaders(fail ? 500 : 204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request as the receiver got it, with the host it was sent to (its Host header). */
    public record Received(
            String host, String webhookId, String timestamp, String signature, String body) {

        /**
         * Whether a partner's receiver with {@code secret} accepts the request, checked by the
         * Standard Webhooks reference library as partners check it.
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
