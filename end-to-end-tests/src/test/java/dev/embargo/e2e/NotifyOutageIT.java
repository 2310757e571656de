package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Mailbox;
import dev.embargo.e2e.support.Reporter;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reports accepted while notify is down are all acknowledged once it is back, each exactly once.
 */
@ExtendWith(EmbargoStack.class)
class NotifyOutageIT {

    private static final int REPORTS = 20;

    @Test
    void twentyReportsSubmittedWhileNotifyIsStoppedGetExactlyTwentyAcknowledgements(
            RunningStack stack) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Reporter reporter = stack.reporter();
        Mailbox mailbox = stack.mailbox();
        stack.stop("notify");
        try {
            List<SubmittedReport> reports =
                    IntStream.range(0, REPORTS)
                            .mapToObj(
                                    i ->
                                            reporter.submit(
                                                    "moqtail",
                                                    "Outage report " + i,
                                                    "outage-%s-%02d@example.org".formatted(run, i)))
                            .toList();
            awaitCasesAcknowledged(stack, reports);
            assertThat(reports)
                    .allSatisfy(
                            report ->
                                    assertThat(mailbox.subjects(report.reporterEmail())).isEmpty());

            stack.start("notify");

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    assertThat(reports)
                                            .allSatisfy(
                                                    report ->
                                                            assertThat(
                                                                            mailbox.subjects(
                                                                                    report
                                                                                            .reporterEmail()))
                                                                    .hasSize(1)));
            // Stay a while: a late duplicate would show up now.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () ->
                                    assertThat(reports)
                                            .allSatisfy(
                                                    report ->
                                                            assertThat(
                                                                            mailbox.subjects(
                                                                                    report
                                                                                            .reporterEmail()))
                                                                    .singleElement()
                                                                    .asString()
                                                                    .contains(
                                                                            report.trackingId())));
        } finally {
            if (!stack.launcher().service("notify").isRunning()) {
                stack.start("notify");
            }
        }
    }

    private static void awaitCasesAcknowledged(RunningStack stack, List<SubmittedReport> reports) {
        String token = stack.staffTokens().of("triager");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> {
                            List<String> acknowledged =
                                    given().auth()
                                            .oauth2(token)
                                            .queryParam("size", 500)
                                            .when()
                                            .get(stack.serviceUrl("triage") + "/api/v1/cases")
                                            .then()
                                            .statusCode(200)
                                            .extract()
                                            .jsonPath()
                                            .getList(
                                                    "findAll { it.state == 'acknowledged'"
                                                            + " }.trackingId",
                                                    String.class);
                            assertThat(acknowledged)
                                    .containsAll(
                                            reports.stream()
                                                    .map(SubmittedReport::trackingId)
                                                    .toList());
                        });
    }
}
