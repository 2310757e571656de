package dev.embargo.advisory.cveservices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.config.AdvisoryConfig;
import dev.embargo.advisory.config.AdvisoryConfig.CveServices.Account;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * CVE Services, the CVE Program's REST API, as a CNA uses it: create or update the CNA container of
 * a CVE record, or reject the id with a REJECTED record. Each request carries the program's account
 * in the {@code CVE-API-ORG}, {@code CVE-API-USER} and {@code CVE-API-KEY} headers; the key is
 * never logged, and nothing CVE Services answers is logged with it.
 */
@ApplicationScoped
public class CveServicesClient {

    private final AdvisoryConfig.CveServices config;
    private final ObjectMapper json;
    private WebClient web;

    CveServicesClient(AdvisoryConfig config, ObjectMapper json) {
        this.config = config.cveServices();
        this.json = json;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        web =
                WebClient.create(
                        vertx,
                        new WebClientOptions()
                                .setFollowRedirects(false)
                                .setConnectTimeout((int) config.timeout().toMillis())
                                .setUserAgent("Embargo-CVE-Services/1"));
    }

    /** The request that sends a record: which operation, and the body it takes. */
    public record Request(HttpMethod method, String path, ObjectNode body) {}

    /**
     * The request for a record: its CNA container to {@code /cve/{id}/cna}, or for a REJECTED
     * record to {@code /cve/{id}/reject}; created the first time, updated once CVE Services holds a
     * record for the id.
     */
    public Request request(JsonNode record, boolean update) {
        String cveId = record.at("/cveMetadata/cveId").asText();
        boolean rejected = "REJECTED".equals(record.at("/cveMetadata/state").asText());
        ObjectNode body = json.createObjectNode();
        body.set("cnaContainer", record.at("/containers/cna").deepCopy());
        return new Request(
                update ? HttpMethod.PUT : HttpMethod.POST,
                "/cve/" + cveId + (rejected ? "/reject" : "/cna"),
                body);
    }

    /**
     * Sends the request with the account's credentials. Fails with {@link CveServicesRefusal} when
     * CVE Services refuses it (a 4xx answer), with {@link CveServicesUnavailable} when it cannot
     * answer now.
     */
    public Uni<Void> send(Account account, Request request) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(request.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record always serializes", e);
        }
        return web.requestAbs(request.method(), config.url() + request.path())
                .putHeader("Content-Type", "application/json")
                .putHeader("CVE-API-ORG", account.organisation())
                .putHeader("CVE-API-USER", account.user())
                .putHeader("CVE-API-KEY", account.apiKey())
                .timeout(config.timeout().toMillis())
                .sendBuffer(Buffer.buffer(body))
                .onFailure()
                .transform(failure -> new CveServicesUnavailable(failure.getMessage()))
                .map(
                        response -> {
                            int status = response.statusCode();
                            if (status / 100 == 2) {
                                return null;
                            }
                            String answer = "HTTP " + status + ": " + response.bodyAsString();
                            if (status / 100 == 4 && status != 408 && status != 429) {
                                throw new CveServicesRefusal(answer);
                            }
                            throw new CveServicesUnavailable(answer);
                        });
    }

    /** CVE Services refused the request: sending it again would be refused again. */
    public static final class CveServicesRefusal extends RuntimeException {
        CveServicesRefusal(String answer) {
            super(answer);
        }
    }

    /** CVE Services could not be reached or failed: a later attempt may succeed. */
    public static final class CveServicesUnavailable extends RuntimeException {
        CveServicesUnavailable(String reason) {
            super(reason);
        }
    }
}
