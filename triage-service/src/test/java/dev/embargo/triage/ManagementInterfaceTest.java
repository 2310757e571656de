package dev.embargo.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Health, metrics and OpenAPI are served on the management interface only: whatever reaches the
 * public port (an ingress, a published port) cannot read them. The service kit sets this up for
 * every service; triage stands for the four.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource URL publicPort;

    @TestHTTPResource(value = "health/live", management = true)
    URL liveness;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "openapi", management = true)
    URL openApi;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/q/health",
                "/q/health/live",
                "/q/health/ready",
                "/q/metrics",
                "/q/openapi",
                "/q/openapi?format=json"
            })
    void thePublicPortServesNoHealthMetricsOrOpenApi(String path) {
        given().when().get(path).then().statusCode(404);
    }

    @Test
    void theManagementPortServesHealthMetricsAndOpenApi() {
        assertThat(liveness.getPort()).isNotEqualTo(publicPort.getPort());

        given().when().get(liveness).then().statusCode(200).body("status", equalTo("UP"));
        given().when()
                .get(metrics)
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().queryParam("format", "json")
                .when()
                .get(openApi)
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Embargo triage API"));
    }
}
