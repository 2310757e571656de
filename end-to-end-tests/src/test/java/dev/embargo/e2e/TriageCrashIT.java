package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.LifecycleEvents.LifecycleEvent;
import dev.embargo.e2e.support.Mailbox;
import dev.embargo.e2e.support.Reporter;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Triage killed without warning in the middle of a stream of reports loses none and doubles none. */
@ExtendWith(EmbargoStack.class)
class TriageCrashIT {

    private static final int REPORTS = 60;

    @Test
    void everyReportHasExactlyOneCaseAndOneAcknowledgementAfterTriageIsKilledMidStream(RunningStack stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Reporter reporter = stack.reporter();
        List<SubmittedReport> reports = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < REPORTS; i++) {
                reports.add(reporter.submit("emek", "Crash report " + i, "crash-%s-%02d@example.org".formatted(run, i)));
                pause(50);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.size() >= REPORTS / 3);
        stack.kill("triage");
        assertThat(stack.launcher().service("triage").isRunning()).isFalse();
        stack.start("triage");
        stream.get();

        Set<String> trackingIds = reports.stream().map(SubmittedReport::trackingId).collect(Collectors.toSet());
        String token = stack.staffTokens().of("triager");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<String> caseTrackingIds = given().auth().oauth2(token).queryParam("size", 500)
                    .when().get(stack.serviceUrl("triage") + "/api/v1/cases")
                    .then().statusCode(200)
                    .extract().jsonPath().getList("trackingId", String.class);
            Map<String, Long> casesPerReport = caseTrackingIds.stream().filter(trackingIds::contains)
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            assertThat(casesPerReport).hasSize(REPORTS).allSatisfy((id, count) -> assertThat(count).isOne());
        });

        // The relay may publish an event again after a crash, but always under its original id.
        Map<String, Set<String>> acknowledgementIdsPerReport = stack.lifecycleEvents().readAll().stream()
                .filter(event -> "report.acknowledged.v1".equals(event.type()))
                .filter(event -> trackingIds.stream().anyMatch(id -> event.data().contains("\"" + id + "\"")))
                .collect(Collectors.groupingBy(LifecycleEvent::key, Collectors.mapping(LifecycleEvent::id, Collectors.toSet())));
        assertThat(acknowledgementIdsPerReport).hasSize(REPORTS).allSatisfy((report, ids) -> assertThat(ids).hasSize(1));

        Mailbox mailbox = stack.mailbox();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(reports)
                .allSatisfy(report -> assertThat(mailbox.subjects(report.reporterEmail())).hasSize(1)));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
