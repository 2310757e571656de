package dev.embargo.notify.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Registers partners and endpoints as a coordinator does; the calling test stands in the
 * coordinator.
 */
public final class PartnerApi {

    private PartnerApi() {}

    /** A partner of the given groups following the given programs; its id. */
    public static String partner(String name, List<String> groups, List<String> programs) {
        return partner(name, groups, programs, "contact-" + UUID.randomUUID() + "@partner.example");
    }

    public static String partner(
            String name, List<String> groups, List<String> programs, String contactEmail) {
        return given().contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                name,
                                "contactEmail",
                                contactEmail,
                                "groups",
                                groups,
                                "programs",
                                programs))
                .when()
                .post("/api/v1/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An endpoint of the partner: its id and the secret shown this once. */
    public static Endpoint endpoint(String partnerId, String url) {
        var answer =
                given().contentType(ContentType.JSON)
                        .body(Map.of("url", url))
                        .when()
                        .post("/api/v1/partners/" + partnerId + "/endpoints")
                        .then()
                        .statusCode(201)
                        .body("secret", startsWith("whsec_"))
                        .extract();
        return new Endpoint(answer.path("id"), answer.path("secret"));
    }

    /**
     * A partner group of one test's own, so that no other test's pre-advisory reaches its
     * receivers.
     */
    public static String freshGroup() {
        return "group-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public record Endpoint(String id, String secret) {}
}
