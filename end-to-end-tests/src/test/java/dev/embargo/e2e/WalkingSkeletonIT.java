package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.LifecycleEvents.LifecycleEvent;
import dev.embargo.e2e.support.Mailbox;
import dev.embargo.e2e.support.Reporter;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.StaffTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The walking skeleton, steps 1 to 7: one report from submission to every service's view of it. */
@ExtendWith(EmbargoStack.class)
class WalkingSkeletonIT {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(20);

    private static RunningStack stack;
    private static SubmittedReport report;
    private static String reportId;

    @BeforeAll
    static void submitOneReport(RunningStack runningStack) {
        stack = runningStack;
        report =
                stack.reporter()
                        .submit(
                                "pea2pea",
                                "Unbounded allocation in frame decoder",
                                "skeleton-" + UUID.randomUUID() + "@example.org");
        await().atMost(FEW_SECONDS).untilAsserted(() -> assertThat(submittedEvent()).isNotNull());
        reportId = submittedEvent().subject();
    }

    @Test
    void triageAcknowledgesTheReportWithAnEventOnTheSameKey() {
        await().atMost(FEW_SECONDS)
                .untilAsserted(
                        () ->
                                assertThat(eventsOfThisReport())
                                        .extracting(LifecycleEvent::type, LifecycleEvent::source)
                                        .contains(
                                                org.assertj.core.groups.Tuple.tuple(
                                                        "report.acknowledged.v2",
                                                        "/embargo/triage")));
    }

    @Test
    void reporterReceivesAnAcknowledgementEmailReadableOverImap() {
        Mailbox mailbox = stack.mailbox();
        await().atMost(FEW_SECONDS)
                .untilAsserted(
                        () ->
                                assertThat(mailbox.readOverImap(report.reporterEmail()))
                                        .singleElement()
                                        .satisfies(
                                                mail -> {
                                                    assertThat(mail.subject())
                                                            .contains(report.trackingId())
                                                            .doesNotContain("allocation");
                                                    assertThat(mail.text())
                                                            .contains(report.trackingId());
                                                }));
    }

    @Test
    void reporterSeesTheReportAcknowledgedWithTheirToken() {
        Reporter reporter = stack.reporter();
        await().atMost(FEW_SECONDS)
                .untilAsserted(
                        () ->
                                reporter.status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .statusCode(200)
                                        .body("status", equalTo("acknowledged"))
                                        .body("trackingId", equalTo(report.trackingId()))
                                        // pea2pea sets no due time: the steps are listed, best
                                        // effort, without dates.
                                        .body(
                                                "deadlines.find { it.step == 'triage' }.promised",
                                                equalTo("best-effort")));
    }

    @Test
    void caseQueueRequiresATokenAndTheTriagerRole() {
        StaffTokens tokens = stack.staffTokens();
        String cases = stack.serviceUrl("triage") + "/api/v1/cases";
        given().when().get(cases).then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(tokens.of("visitor"))
                .when()
                .get(cases)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(tokens.of("publisher")).when().get(cases).then().statusCode(403);
        await().atMost(FEW_SECONDS)
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(tokens.of("triager"))
                                        .queryParam("size", 500)
                                        .when()
                                        .get(cases)
                                        .then()
                                        .statusCode(200)
                                        .body("trackingId", hasItem(report.trackingId())));
    }

    @Test
    void advisoryKeepsItsOwnProjectionReadableByPublishers() {
        StaffTokens tokens = stack.staffTokens();
        String tracked = stack.serviceUrl("advisory") + "/api/v1/tracked-reports";
        given().when().get(tracked).then().statusCode(401);
        given().auth().oauth2(tokens.of("triager")).when().get(tracked).then().statusCode(403);
        await().atMost(FEW_SECONDS)
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(tokens.of("publisher"))
                                        .queryParam("size", 500)
                                        .when()
                                        .get(tracked)
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "find { it.trackingId == '%s' }.stage"
                                                        .formatted(report.trackingId()),
                                                equalTo("acknowledged"))
                                        .body(
                                                "find { it.trackingId == '%s' }.reportId"
                                                        .formatted(report.trackingId()),
                                                equalTo(reportId)));
    }

    @Test
    void emailDeliveryLogIsForCoordinatorsOnly() {
        StaffTokens tokens = stack.staffTokens();
        String deliveries = stack.serviceUrl("notify") + "/api/v1/email-deliveries";
        given().auth().oauth2(tokens.of("triager")).when().get(deliveries).then().statusCode(403);
        await().atMost(FEW_SECONDS)
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(tokens.of("coordinator"))
                                        .queryParam("size", 500)
                                        .when()
                                        .get(deliveries)
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "find { it.trackingId == '%s' }.status"
                                                        .formatted(report.trackingId()),
                                                equalTo("sent")));
    }

    @Test
    void everyServiceReportsReadinessMetricsAndOpenApiOnItsManagementPortOnly() {
        for (String service : List.of("intake", "triage", "notify", "advisory")) {
            String management = stack.managementUrl(service);
            given().when()
                    .get(management + "/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"));
            given().when()
                    .get(management + "/metrics")
                    .then()
                    .statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
            given().when()
                    .get(management + "/openapi?format=json")
                    .then()
                    .statusCode(200)
                    .body("openapi", matchesPattern("3\\..*"));
            for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
                given().when().get(stack.serviceUrl(service) + path).then().statusCode(404);
            }
        }
    }

    private static LifecycleEvent submittedEvent() {
        return stack.lifecycleEvents().readAll().stream()
                .filter(event -> "report.submitted.v3".equals(event.type()))
                .filter(event -> event.data().contains("\"" + report.trackingId() + "\""))
                .findFirst()
                .orElse(null);
    }

    private static List<LifecycleEvent> eventsOfThisReport() {
        return stack.lifecycleEvents().readAll().stream()
                .filter(event -> reportId.equals(event.key()))
                .toList();
    }
}
