package dev.embargo.e2e;

import static dev.embargo.e2e.support.ServiceDatabase.statementsWaitingForALock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.OpenPgpKeyPair;
import dev.embargo.e2e.support.Reporter;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reports without files arriving together share transactions (intake's {@code SubmissionBatches}):
 * each must still come out as if it had been stored alone.
 */
@ExtendWith(EmbargoStack.class)
class SubmissionBatchesIT {

    private static final Pattern BATCHES = Pattern.compile("(?m)^embargo_intake_submission_batch_size_count(?:\\{[^}]*})? ([0-9.E]+)$");
    private static final Pattern BATCHED = Pattern.compile("(?m)^embargo_intake_submission_batch_size_sum(?:\\{[^}]*})? ([0-9.E]+)$");
    private static final String REFUSED_BY_THE_DATABASE = "Refused by the database";
    /** intake's default EMBARGO_SUBMISSION_MAX_BATCH_SIZE, which the test stack keeps. */
    private static final int MAX_BATCH_SIZE = 64;

    @Test
    void reportsArrivingTogetherShareTransactionsYetEachGetsItsOwnTrackingIdTokenAndRefusal(RunningStack stack) throws Exception {
        String intake = stack.serviceUrl("intake");
        Reporter reporter = stack.reporter();
        double[] before = batchMetrics(intake);

        // Every fifth names a scope class pea2pea does not have: refused alone, whatever batch it shares.
        List<Response> answers = sendTogether(120, i -> report("Together " + i, i % 5 == 4 ? "no-such-class" : null, null), reporter);

        Set<String> trackingIds = new HashSet<>();
        List<Response> accepted = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Response answer = answers.get(i);
            if (i % 5 == 4) {
                answer.then().statusCode(422).contentType("application/problem+json");
                assertThat(answer.jsonPath().getString("type")).endsWith("unknown-scope-class");
            } else {
                answer.then().statusCode(201);
                assertThat(trackingIds.add(answer.path("trackingId"))).as("tracking ids are unique").isTrue();
                accepted.add(answer);
            }
        }
        for (int i = 0; i < accepted.size(); i++) {
            String trackingId = accepted.get(i).path("trackingId");
            Response status = reporter.status(trackingId, accepted.get(i).path("reporterToken"));
            status.then().statusCode(200);
            assertThat(status.jsonPath().getString("title")).as("each report kept its own text").startsWith("Together ");
            String neighboursToken = accepted.get((i + 1) % accepted.size()).path("reporterToken");
            reporter.status(trackingId, neighboursToken).then().statusCode(404);
        }
        double[] after = batchMetrics(intake);
        double batches = after[0] - before[0];
        double reports = after[1] - before[1];
        assertThat(reports).as("every submission went through a batch").isEqualTo(120);
        assertThat(batches).as("submissions arriving together shared transactions").isLessThan(reports);
    }

    @Test
    void aReportTheDatabaseRefusesFailsAloneNotTheReportsThatSharedItsTransaction(RunningStack stack) throws Exception {
        Reporter reporter = stack.reporter();
        ExecutorService researchers = Executors.newFixedThreadPool(40);
        try (Connection owner = stack.database("intake")) {
            // Something the database refuses that intake cannot see coming: a constraint only this test adds.
            execute(owner, "ALTER TABLE report ADD CONSTRAINT e2e_refused CHECK (credit_name IS DISTINCT FROM '"
                    + REFUSED_BY_THE_DATABASE + "') NOT VALID");
            try {
                List<Future<Response>> neighbours = new ArrayList<>();
                Future<Response> refused;
                try (Connection slowMoment = stack.database("intake")) {
                    // The writer waits at the lock, so what comes next queues up and is written as one batch.
                    slowMoment.setAutoCommit(false);
                    execute(slowMoment, "LOCK TABLE report IN SHARE ROW EXCLUSIVE MODE");
                    for (int i = 0; i < 39; i++) {
                        Map<String, Object> report = report("Neighbour " + i, null, null);
                        neighbours.add(researchers.submit(() -> reporter.post(report)));
                    }
                    await().atMost(Duration.ofSeconds(20)).until(() -> statementsWaitingForALock(owner, "insert into report ") >= 1);
                    Map<String, Object> poisoned = report("Refused", null, REFUSED_BY_THE_DATABASE);
                    refused = researchers.submit(() -> reporter.post(poisoned));
                    // Time for the queued reports to reach intake; then the database is fast again.
                    Thread.sleep(500);
                    slowMoment.rollback();
                }
                refused.get().then().statusCode(500).contentType("application/problem+json");
                for (Future<Response> neighbour : neighbours) {
                    neighbour.get().then().statusCode(201);
                }
            } finally {
                execute(owner, "ALTER TABLE report DROP CONSTRAINT e2e_refused");
            }
        } finally {
            researchers.shutdownNow();
        }
    }

    @Test
    void aSecondTransactionStoresReportsOnlyWhenAFullBatchWaitsForTheFirst(RunningStack stack) throws Exception {
        Reporter reporter = stack.reporter();
        ExecutorService researchers = Executors.newFixedThreadPool(2 * MAX_BATCH_SIZE);
        List<Future<Response>> sent = new ArrayList<>();
        try (Connection observer = stack.database("intake"); Connection slowMoment = stack.database("intake")) {
            slowMoment.setAutoCommit(false);
            execute(slowMoment, "LOCK TABLE report IN SHARE ROW EXCLUSIVE MODE");
            try {
                for (int i = 0; i < MAX_BATCH_SIZE / 2; i++) {
                    Map<String, Object> report = report("Half a batch " + i, null, null);
                    sent.add(researchers.submit(() -> reporter.post(report)));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> statementsWaitingForALock(observer, "insert into report ") >= 1);
                // Half a batch waits behind the stuck writer: time enough for a second to start, were it allowed to.
                Thread.sleep(1_000);
                assertThat(statementsWaitingForALock(observer, "insert into report ")).as("writers while half a batch waits")
                        .isEqualTo(1);

                for (int i = 0; i < MAX_BATCH_SIZE; i++) {
                    Map<String, Object> report = report("A full batch " + i, null, null);
                    sent.add(researchers.submit(() -> reporter.post(report)));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> statementsWaitingForALock(observer, "insert into report ") >= 2);
            } finally {
                slowMoment.rollback();
            }
            for (Future<Response> answer : sent) {
                answer.get().then().statusCode(201);
            }
        } finally {
            researchers.shutdownNow();
        }
    }

    @Test
    void eachReportsEventsLeaveInTheOrderItStagedThemThoughReportsShareAStatement(RunningStack stack) throws Exception {
        // A reporter key makes two events of one report: consumers must learn of the report before of its key.
        String reporterKey = OpenPgpKeyPair.generate("Keyed reporter <keyed@example.org>").armoredPublicKey();
        List<Response> answers = sendTogether(60, i -> {
            Map<String, Object> report = report("Keyed " + i, null, null);
            report.put("reporterPublicKey", reporterKey);
            return report;
        }, stack.reporter());

        try (Connection intake = stack.database("intake")) {
            for (Response answer : answers) {
                answer.then().statusCode(201);
                assertThat(eventTypesInRelayOrder(intake, answer.path("trackingId")))
                        .containsExactly("report.submitted.v2", "report.reporter.key.provided.v1");
            }
        }
    }

    private static Map<String, Object> report(String title, String scopeClass, String creditName) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("program", "pea2pea", "title", title,
                "description", "Steps to reproduce: send a crafted frame. Impact: remote crash."));
        if (scopeClass != null) {
            body.put("scopeClass", scopeClass);
        }
        if (creditName != null) {
            body.put("creditName", creditName);
        }
        return body;
    }

    private interface Body {
        Map<String, Object> of(int i);
    }

    /** Sends {@code count} reports from 32 researchers at once. */
    private static List<Response> sendTogether(int count, Body body, Reporter reporter) throws Exception {
        ExecutorService researchers = Executors.newFixedThreadPool(32);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> report = body.of(i);
                sent.add(researchers.submit(() -> reporter.post(report)));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            researchers.shutdownNow();
        }
    }

    /** Batches so far and reports in them, from intake's Prometheus metrics. */
    private static double[] batchMetrics(String intake) {
        String metrics = given().baseUri(intake).when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher batches = BATCHES.matcher(metrics);
        Matcher reports = BATCHED.matcher(metrics);
        assertThat(batches.find() && reports.find()).as("the batch size summary in the metrics").isTrue();
        return new double[] {Double.parseDouble(batches.group(1)), Double.parseDouble(reports.group(1))};
    }

    /** The types of a report's events in intake's outbox, in the order the relay publishes them. */
    private static List<String> eventTypesInRelayOrder(Connection intake, String trackingId) throws SQLException {
        try (PreparedStatement query = intake.prepareStatement("SELECT event.event_type FROM outbox_event event"
                + " JOIN report ON event.event_key = report.id::text WHERE report.tracking_id = ? ORDER BY event.seq")) {
            query.setString(1, trackingId);
            try (ResultSet events = query.executeQuery()) {
                List<String> types = new ArrayList<>();
                while (events.next()) {
                    types.add(events.getString(1));
                }
                return types;
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
