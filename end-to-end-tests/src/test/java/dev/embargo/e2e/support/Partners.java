package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A coordinator's work with partners: registering them and their webhook endpoints at notify, and
 * releasing standalone pre-advisories of moqtail to partner groups at advisory.
 */
public final class Partners {

    private final RunningStack stack;
    private final String coordinator;

    public Partners(RunningStack stack) {
        this.stack = stack;
        this.coordinator = stack.staffTokens().of("coordinator");
    }

    /** Registers a partner in these groups, told about these programs, with a fresh contact. */
    public String register(String name, List<String> groups, List<String> programs) {
        return given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                name,
                                "contactEmail",
                                "contact-" + UUID.randomUUID() + "@partner.example",
                                "groups",
                                groups,
                                "programs",
                                programs))
                .when()
                .post(notifyUrl() + "/api/v1/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Adds a webhook endpoint to a partner; its id and the secret its messages are signed with. */
    public Endpoint addEndpoint(String partnerId, String url) {
        var answer =
                given().auth()
                        .oauth2(coordinator)
                        .contentType(ContentType.JSON)
                        .body(Map.of("url", url))
                        .when()
                        .post(notifyUrl() + "/api/v1/partners/" + partnerId + "/endpoints")
                        .then()
                        .statusCode(201)
                        .body("secret", startsWith("whsec_"))
                        .extract();
        return new Endpoint(answer.path("id"), answer.path("secret"));
    }

    /** Releases a pre-advisory of moqtail, embargoed for five days, to the groups; its id. */
    public String releasePreAdvisory(String title, List<String> groups) {
        return releasePreAdvisory(title, groups, Instant.now().plus(Duration.ofDays(5)));
    }

    /**
     * Releases a pre-advisory of moqtail, embargoed until {@code liftAt}, to the groups; its id.
     */
    public String releasePreAdvisory(String title, List<String> groups, Instant liftAt) {
        return given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "program",
                                "moqtail",
                                "title",
                                title,
                                "summary",
                                "Embargoed details of " + title,
                                "embargoUntil",
                                liftAt.toString(),
                                "partnerGroups",
                                groups))
                .when()
                .post(stack.serviceUrl("advisory") + "/api/v1/pre-advisories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String notifyUrl() {
        return stack.serviceUrl("notify");
    }

    /** A partner's webhook endpoint as notify registered it. */
    public record Endpoint(String id, String secret) {}
}
