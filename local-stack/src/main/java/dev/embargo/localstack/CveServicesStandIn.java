package dev.embargo.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for CVE Services, the CVE Program's REST API, for tests. Every request is
 * checked against CVE Services' own published OpenAPI document (the operation exists, its required
 * headers and query parameters are present, its body validates against the schema the operation
 * names); a request that breaks it is answered {@code 400} as CVE Services answers, and kept in
 * {@link #violations()}. The CVE record operations then behave as CVE Services does for a CNA:
 * create, update and reject records of the organisation the credentials belong to.
 */
public final class CveServicesStandIn implements AutoCloseable {

    /** The one account the stand-in knows: CVE Services' organisation, user and API key headers. */
    public record Account(String organisation, String user, String apiKey) {}

    /** A request the stand-in answered: the operation's path template and the response status. */
    public record Exchange(
            String method, String template, String cveId, JsonNode body, int status) {}

    /**
     * The test stack's CNA program: the end-to-end tests publish it, and advisory has a CVE
     * Services account for it.
     */
    public static final String LOCAL_PROGRAM = "cnalab";

    /** That program's account (a test key, not a secret). */
    public static final Account LOCAL_ACCOUNT =
            new Account("cnalab", "cna@cnalab.example", "local-stack-cve-services-key");

    private static final String BASE_PATH = "/api";
    private static final String ORG_ID = "8254265b-2729-46b6-b9e3-3dfca2d5bfca";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CveServicesApiDocument document = new CveServicesApiDocument();
    private final Account account;
    private final HttpServer server;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> records = new ConcurrentHashMap<>();

    private CveServicesStandIn(Account account, int port) throws IOException {
        this.account = account;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(BASE_PATH + "/", this::handle);
        server.start();
    }

    /** Listens on the loopback address ({@code port} 0: any free port). */
    public static CveServicesStandIn start(Account account, int port) {
        try {
            return new CveServicesStandIn(account, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API's base URL, as {@code https://cveawg.mitre.org/api} is CVE Services'. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH);
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /**
     * What requests broke of CVE Services' OpenAPI document; empty when every request kept to it.
     */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The CVE record CVE Services would now publish for an id. */
    public Optional<JsonNode> record(String cveId) {
        return Optional.ofNullable(records.get(cveId));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath().substring(BASE_PATH.length());
            var operation = document.operation(method, path);
            if (operation.isEmpty()) {
                violations.add(method + " " + path + " is no operation of CVE Services");
                respond(exchange, 404, error("NOT_FOUND", "No such operation"));
                return;
            }
            JsonNode body;
            try {
                body = readBody(exchange);
            } catch (JsonProcessingException e) {
                violations.add(method + " " + path + ": the body is not JSON");
                respond(exchange, 400, error("BAD_REQUEST", "The body is not JSON"));
                return;
            }
            List<String> broken =
                    document.violations(
                            operation.get(),
                            name -> exchange.getRequestHeaders().getFirst(name),
                            query(exchange.getRequestURI().getRawQuery()),
                            body);
            String template = operation.get().template();
            String cveId = operation.get().pathValues().get("id");
            if (!broken.isEmpty()) {
                broken.forEach(
                        violation -> violations.add(method + " " + template + ": " + violation));
                answer(exchange, method, template, cveId, body, 400, badRequest(broken));
                return;
            }
            if (!authenticated(exchange)) {
                answer(
                        exchange,
                        method,
                        template,
                        cveId,
                        body,
                        401,
                        error("UNAUTHORIZED", "Unauthorized"));
                return;
            }
            Response response = operate(method, template, cveId, body);
            answer(exchange, method, template, cveId, body, response.status, response.body);
        }
    }

    private record Response(int status, JsonNode body) {}

    /** The CVE record operations a CNA uses; other operations are described but not acted out. */
    private Response operate(String method, String template, String cveId, JsonNode body) {
        ObjectNode existing = records.get(cveId);
        return switch (method + " " + template) {
            case "POST /cve/{id}/cna" ->
                    existing != null
                            ? new Response(400, error("CVE_RECORD_EXISTS", "The record exists"))
                            : stored("created", cveId, "PUBLISHED", body);
            case "PUT /cve/{id}/cna" ->
                    existing == null
                            ? new Response(404, error("CVE_RECORD_DNE", "No such record"))
                            : stored("updated", cveId, "PUBLISHED", body);
            case "POST /cve/{id}/reject" ->
                    existing != null
                            ? new Response(400, error("CVE_RECORD_EXISTS", "The record exists"))
                            : stored("created", cveId, "REJECTED", body);
            case "PUT /cve/{id}/reject" ->
                    existing == null
                            ? new Response(404, error("CVE_RECORD_DNE", "No such record"))
                            : stored("updated", cveId, "REJECTED", body);
            case "GET /cve/{id}" ->
                    existing == null
                            ? new Response(404, error("CVE_RECORD_DNE", "No such record"))
                            : new Response(200, existing);
            default -> new Response(501, error("NOT_IMPLEMENTED", "Not acted out by the stand-in"));
        };
    }

    /** The record CVE Services assembles from a CNA container: metadata and provider set by it. */
    private Response stored(String verb, String cveId, String state, JsonNode body) {
        String now = Instant.now().toString();
        ObjectNode record = JSON.createObjectNode();
        record.put("dataType", "CVE_RECORD");
        record.put("dataVersion", "5.1");
        ObjectNode metadata = record.putObject("cveMetadata");
        metadata.put("cveId", cveId);
        metadata.put("assignerOrgId", ORG_ID);
        metadata.put("assignerShortName", account.organisation());
        metadata.put("state", state);
        metadata.put(state.equals("REJECTED") ? "dateRejected" : "datePublished", now);
        metadata.put("dateUpdated", now);
        ObjectNode cna = body.path("cnaContainer").deepCopy();
        cna.putObject("providerMetadata")
                .put("orgId", ORG_ID)
                .put("shortName", account.organisation())
                .put("dateUpdated", now);
        record.putObject("containers").set("cna", cna);
        records.put(cveId, record);
        ObjectNode response = JSON.createObjectNode();
        response.put("message", cveId + " record was successfully " + verb + ".");
        response.set(verb, record);
        return new Response(200, response);
    }

    private boolean authenticated(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        return account.organisation().equals(headers.getFirst("CVE-API-ORG"))
                && account.user().equals(headers.getFirst("CVE-API-USER"))
                && account.apiKey().equals(headers.getFirst("CVE-API-KEY"));
    }

    private void answer(
            HttpExchange exchange,
            String method,
            String template,
            String cveId,
            JsonNode body,
            int status,
            JsonNode response)
            throws IOException {
        exchanges.add(new Exchange(method, template, cveId, body, status));
        respond(exchange, status, response);
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        return bytes.length == 0 ? null : JSON.readTree(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1
                                ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8)
                                : "");
            }
        }
        return query;
    }

    private static ObjectNode error(String error, String message) {
        return JSON.createObjectNode().put("error", error).put("message", message);
    }

    private static ObjectNode badRequest(List<String> broken) {
        ObjectNode error = error("BAD_INPUT", "Parameters were invalid");
        var details = error.putArray("details");
        broken.forEach(
                violation -> details.addObject().put("msg", violation).put("location", "body"));
        return error;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
