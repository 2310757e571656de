package dev.embargo.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.intake.support.Programs;
import dev.embargo.policy.io.ProgramFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A program file v2 on intake's public API (programs/v2-policy.yaml, as triage publishes it): the
 * timeline preview by track, with targets and anchored steps marked, and a security.txt without an
 * address the program does not have.
 */
@QuarkusTest
class V2ProgramPagesTest {

    private static final String PROGRAM = "/api/v1/programs/v2-policy";
    private static final String FRIDAY_EVENING = "2026-11-27T18:00:00Z";

    private static boolean published;

    /** Published once, when the application and its HTTP port are up. */
    @BeforeEach
    void published() {
        if (published) {
            return;
        }
        Programs.publish(new ProgramFiles().read(fixture(), "v2-policy.yaml"), 1);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().when().get(PROGRAM).then().statusCode(200));
        published = true;
    }

    @Test
    void theTimelinePreviewFollowsTheTrackAndMarksTargetsAndAnchors() {
        JsonPath timeline =
                given().queryParam("arrivedAt", FRIDAY_EVENING)
                        .queryParam("track", "private")
                        .when()
                        .get(PROGRAM + "/timeline")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();

        assertThat(timeline.getString("find { it.step == 'fix' }.dueAt"))
                .isEqualTo("2027-02-25T18:00:00Z");
        assertThat(timeline.getBoolean("find { it.step == 'fix' }.firm")).isTrue();
        assertThat(timeline.getBoolean("find { it.step == 'acknowledgement' }.firm")).isFalse();
        assertThat(timeline.getString("find { it.step == 'disclosure' }.anchor"))
                .isEqualTo("fix-released");
        assertThat(timeline.getString("find { it.step == 'disclosure' }.dueAt")).isNull();
    }

    @Test
    void aTrackOrSeverityThePolicyDoesNotHaveIsABadRequest() {
        given().queryParam("track", "urgent")
                .when()
                .get(PROGRAM + "/timeline")
                .then()
                .statusCode(400)
                .body("detail", containsString("[public, private]"));
        given().queryParam("severity", "critical")
                .when()
                .get(PROGRAM + "/timeline")
                .then()
                .statusCode(400)
                .body("detail", containsString("has none"));
    }

    @Test
    void securityTxtOffersTheProgramsChannelsAndNoAddress() {
        String text =
                given().when()
                        .get(PROGRAM + "/security.txt")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();

        assertThat(text)
                .contains(
                        "Contact: https://hackerone.com/widget\n",
                        "Encryption: https://widget.example.org/keys/security.asc\n")
                .doesNotContain("mailto:");
        given().when()
                .get(PROGRAM + "/SECURITY.md")
                .then()
                .statusCode(200)
                .body(containsString("Credit: not stated in the policy."));
        given().when().get(PROGRAM).then().body("program.bugBounty.platform", equalTo("hackerone"));
    }

    private static String fixture() {
        try (InputStream in =
                V2ProgramPagesTest.class
                        .getClassLoader()
                        .getResourceAsStream("programs/v2-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
