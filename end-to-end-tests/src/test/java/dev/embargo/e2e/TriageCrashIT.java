package dev.embargo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.contracts.Topics;
import dev.embargo.e2e.support.Cases;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.LifecycleEvents.LifecycleEvent;
import dev.embargo.e2e.support.Mailbox;
import dev.embargo.e2e.support.Reporter;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Triage killed without warning, or stopped the way Kubernetes stops it on every rollout, in the
 * middle of a stream of reports loses none and doubles none.
 */
@ExtendWith(EmbargoStack.class)
class TriageCrashIT {

    private static final String PROGRAM = "emek";
    private static final int REPORTS = 60;
    private static final int BACKLOG = 300;

    @Test
    void everyReportHasExactlyOneCaseAndOneAcknowledgementAfterTriageIsKilledMidStream(
            RunningStack stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Reporter reporter = stack.reporter();
        List<SubmittedReport> reports = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream =
                CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < REPORTS; i++) {
                                reports.add(
                                        reporter.submit(
                                                PROGRAM,
                                                "Crash report " + i,
                                                "crash-%s-%02d@example.org".formatted(run, i)));
                                pause(50);
                            }
                        });
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.size() >= REPORTS / 3);
        stack.kill("triage");
        assertThat(stack.launcher().service("triage").isRunning()).isFalse();
        stack.start("triage");
        stream.get();

        assertEachReportHasOneCaseOneAcknowledgementAndOneEmail(stack, reports);
    }

    @Test
    void aGracefulStopWhileTriageWorksOffABacklogDeadLettersNothingAndLosesNoReport(
            RunningStack stack) throws SQLException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Reporter reporter = stack.reporter();
        // A backlog: reports that arrive while triage is away, so that it is busy with them when it
        // is stopped.
        stack.stop("triage");
        List<SubmittedReport> reports = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            reports.add(
                    reporter.submit(
                            PROGRAM,
                            "Rollout report " + i,
                            "rollout-%s-%03d@example.org".formatted(run, i)));
        }
        Set<String> trackingIds =
                reports.stream().map(SubmittedReport::trackingId).collect(Collectors.toSet());
        // Watched in triage's own database, not through its API: triage opens a batch of up to 100
        // cases in one transaction, and by the time its API answers it may have worked off the
        // whole backlog.
        stack.launcher().service("triage").start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> casesOpened(stack, trackingIds) >= BACKLOG / 10);
        long casesBeforeTheStop = casesOpened(stack, trackingIds);
        stack.stop("triage");
        // Started again before the check, so that a failed check leaves the stack whole.
        stack.start("triage");
        assertThat(casesBeforeTheStop)
                .as("triage still had a backlog when it was stopped")
                .isLessThan(BACKLOG);

        assertEachReportHasOneCaseOneAcknowledgementAndOneEmail(stack, reports);
        assertThat(stack.lifecycleEvents().readAll(Topics.REPORT_LIFECYCLE.deadLetter().name()))
                .as("report events dead-lettered while triage stopped")
                .noneMatch(
                        event ->
                                trackingIds.stream()
                                        .anyMatch(id -> event.data().contains("\"" + id + "\"")));
    }

    private static long casesOpened(RunningStack stack, Set<String> trackingIds)
            throws SQLException {
        try (Connection triage = stack.database("triage");
                PreparedStatement count =
                        triage.prepareStatement(
                                "SELECT count(*) FROM vulnerability_case WHERE tracking_id ="
                                        + " ANY(?)")) {
            count.setArray(1, triage.createArrayOf("text", trackingIds.toArray()));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static void assertEachReportHasOneCaseOneAcknowledgementAndOneEmail(
            RunningStack stack, List<SubmittedReport> reports) {
        Set<String> trackingIds =
                reports.stream().map(SubmittedReport::trackingId).collect(Collectors.toSet());
        String token = stack.staffTokens().of("triager");
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(
                        () -> {
                            Map<String, Long> casesPerReport =
                                    Cases.openedFor(stack, token, PROGRAM, trackingIds).stream()
                                            .collect(
                                                    Collectors.groupingBy(
                                                            id -> id, Collectors.counting()));
                            assertThat(casesPerReport)
                                    .hasSize(reports.size())
                                    .allSatisfy((id, count) -> assertThat(count).isOne());
                        });

        // The relay may publish an event again after a crash, but always under its original id.
        Map<String, Set<String>> acknowledgementIdsPerReport =
                stack.lifecycleEvents().readAll().stream()
                        .filter(event -> "report.acknowledged.v2".equals(event.type()))
                        .filter(
                                event ->
                                        trackingIds.stream()
                                                .anyMatch(
                                                        id ->
                                                                event.data()
                                                                        .contains(
                                                                                "\"" + id + "\"")))
                        .collect(
                                Collectors.groupingBy(
                                        LifecycleEvent::key,
                                        Collectors.mapping(
                                                LifecycleEvent::id, Collectors.toSet())));
        assertThat(acknowledgementIdsPerReport)
                .hasSize(reports.size())
                .allSatisfy((report, ids) -> assertThat(ids).hasSize(1));

        Mailbox mailbox = stack.mailbox();
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
