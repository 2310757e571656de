package dev.embargo.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.embargo.intake.support.Programs;
import dev.embargo.intake.support.Researcher;
import dev.embargo.intake.support.Researcher.File;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reporters' files for case workers: triagers, coordinators and admins who may see the report's
 * program.
 */
@QuarkusTest
class StaffAttachmentResourceTest {

    private String files;

    @BeforeEach
    void aMoqtailReportWithAFile() {
        Programs.publishSeeds();
        String trackingId =
                Researcher.fresh()
                        .submitWithFiles(
                                Researcher.report("moqtail"),
                                new File("capture.png", "image/png", ReportAttachmentsTest.PNG))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("trackingId");
        files = "/api/v1/staff/reports/" + trackingId + "/attachments";
    }

    @Test
    @TestSecurity(user = "tess", roles = "triager")
    void aTriagerListsAndDownloadsTheFiles() {
        assertThat(downloadedFirstFile()).isEqualTo(ReportAttachmentsTest.PNG);
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aCoordinatorListsAndDownloadsTheFiles() {
        assertThat(downloadedFirstFile()).isEqualTo(ReportAttachmentsTest.PNG);
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anAdminListsAndDownloadsTheFiles() {
        assertThat(downloadedFirstFile()).isEqualTo(ReportAttachmentsTest.PNG);
    }

    @Test
    @TestSecurity(user = "pia", roles = "triager")
    @OidcSecurity(
            claims =
                    @Claim(
                            key = "groups",
                            value = "[\"/programs/moqtail\"]",
                            type = ClaimType.JSON_ARRAY))
    void aTriagerOfTheReportsProgramSeesItsFiles() {
        assertThat(downloadedFirstFile()).isEqualTo(ReportAttachmentsTest.PNG);
    }

    @Test
    @TestSecurity(user = "eli", roles = "triager")
    @OidcSecurity(
            claims =
                    @Claim(
                            key = "groups",
                            value = "[\"/programs/emek\"]",
                            type = ClaimType.JSON_ARRAY))
    void aTriagerOfAnotherProgramFindsNoSuchReport() {
        given().when().get(files).then().statusCode(404).contentType("application/problem+json");
        given().when()
                .get(files + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "pat", roles = "publisher")
    void aPublisherIsNoCaseWorker() {
        given().when().get(files).then().statusCode(403).contentType("application/problem+json");
        given().when().get(files + "/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        given().when().get(files).then().statusCode(401).contentType("application/problem+json");
        given().when().get(files + "/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "tess", roles = "triager")
    void anUnknownReportOrFileIsNotFound() {
        given().when()
                .get("/api/v1/staff/reports/EMB-1999-99999/attachments")
                .then()
                .statusCode(404);
        given().when()
                .get(files + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().when().get(files + "/not-a-uuid").then().statusCode(404);
    }

    /**
     * Lists the report's files (one PNG) and downloads it at the address the list gives, as the
     * current staff member.
     */
    private byte[] downloadedFirstFile() {
        var listed =
                given().when()
                        .get(files)
                        .then()
                        .statusCode(200)
                        .body("name", equalTo(List.of("capture.png")))
                        .body("mediaType[0]", equalTo("image/png"))
                        .extract();
        assertThat(listed.<String>path("[0].url")).endsWith(files + "/" + listed.path("[0].id"));
        return given().when()
                .get(files + "/" + listed.path("[0].id"))
                .then()
                .statusCode(200)
                .header("Content-Disposition", startsWith("attachment;"))
                .extract()
                .asByteArray();
    }
}
