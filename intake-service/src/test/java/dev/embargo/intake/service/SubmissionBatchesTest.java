package dev.embargo.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.support.IntakeDatabase;
import dev.embargo.intake.support.OpenPgpKeys;
import dev.embargo.intake.support.Programs;
import dev.embargo.intake.support.Researcher;
import dev.embargo.kit.problem.ProblemException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports without files share transactions: those that arrive while a writer is busy wait for it
 * and are then stored together, yet each comes out as if stored alone. No timing: a lock on the
 * report table holds the first writer, and submissions join the queue as they are subscribed to.
 */
@QuarkusTest
class SubmissionBatchesTest {

    /** A vector only the refused report claims: it is stored and sent as it came. */
    private static final String REFUSED_BY_THE_DATABASE =
            "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:L";

    @Inject SubmissionBatches batches;

    @Inject IntakeDatabase database;

    @Inject MeterRegistry registry;

    @Inject IntakeConfig config;

    private DistributionSummary batchSizes;
    private long batchesBefore;
    private double reportsBefore;

    @BeforeEach
    void countBatches() {
        Programs.publishSeeds();
        // The meter is registered when the bean is made, which its client proxy leaves to the first
        // call.
        ClientProxy.unwrap(batches);
        batchSizes = registry.get("embargo.intake.submission.batch.size").summary();
        batchesBefore = batchSizes.count();
        reportsBefore = batchSizes.totalAmount();
    }

    @Test
    void submissionsWaitingForABusyWriterAreStoredTogetherEachWithItsOwnTrackingIdTokenAndRefusal()
            throws Exception {
        List<CompletableFuture<AcceptedReport>> answers = new ArrayList<>();
        try (Connection slowMoment = lockedReportTable()) {
            answers.add(submit(report("Alone", null)));
            for (int i = 0; i < 10; i++) {
                // Every fifth names a scope class pea2pea does not have: refused alone, whatever
                // batch it shares.
                answers.add(submit(report("Together " + i, i % 5 == 4 ? "no-such-class" : null)));
            }
            assertThat(batchesSince())
                    .as("one writer while fewer than a full batch wait")
                    .isEqualTo(1);
            slowMoment.rollback();
        }

        Set<String> trackingIds = new HashSet<>();
        List<AcceptedReport> accepted = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (i == 5 || i == 10) {
                assertThat(refusal(answers.get(i)))
                        .isInstanceOfSatisfying(
                                ProblemException.class,
                                refused ->
                                        assertThat(refused.problem().type())
                                                .endsWith("unknown-scope-class"));
            } else {
                AcceptedReport report = answers.get(i).get(30, TimeUnit.SECONDS);
                assertThat(trackingIds.add(report.report().trackingId))
                        .as("tracking ids are unique")
                        .isTrue();
                accepted.add(report);
            }
        }
        assertThat(batchesSince())
                .as("the ten waiting were stored by one more transaction")
                .isEqualTo(2);
        assertThat(reportsSince()).isEqualTo(11);
        Researcher researcher = Researcher.fresh();
        for (int i = 0; i < accepted.size(); i++) {
            String trackingId = accepted.get(i).report().trackingId;
            researcher.status(trackingId, accepted.get(i).reporterToken()).then().statusCode(200);
            researcher
                    .status(trackingId, accepted.get((i + 1) % accepted.size()).reporterToken())
                    .then()
                    .statusCode(404);
        }
        assertThat(
                        database.count(
                                "SELECT count(*) FROM outbox_event WHERE event_type ="
                                        + " 'report.submitted.v3' AND event_key = ANY(?)",
                                (Object)
                                        accepted.stream()
                                                .map(report -> report.report().id.toString())
                                                .toArray(String[]::new)))
                .isEqualTo(accepted.size());
    }

    @Test
    void aReportTheDatabaseRefusesFailsAloneNotTheReportsThatSharedItsTransaction()
            throws Exception {
        // Something the database refuses that intake cannot see coming: a constraint only this test
        // adds.
        database.execute(
                "ALTER TABLE report ADD CONSTRAINT test_refused CHECK (reported_cvss_vector IS"
                        + " DISTINCT FROM"
                        + " '"
                        + REFUSED_BY_THE_DATABASE
                        + "') NOT VALID");
        List<CompletableFuture<AcceptedReport>> neighbours = new ArrayList<>();
        CompletableFuture<AcceptedReport> refused = null;
        try (Connection slowMoment = lockedReportTable()) {
            neighbours.add(submit(report("Alone", null)));
            for (int i = 0; i < 5; i++) {
                neighbours.add(submit(report("Neighbour " + i, null)));
            }
            refused =
                    submit(
                            new NewReport(
                                    "pea2pea",
                                    "Refused",
                                    "d",
                                    null,
                                    null,
                                    null,
                                    null,
                                    REFUSED_BY_THE_DATABASE,
                                    null,
                                    null));
            slowMoment.rollback();
        } finally {
            List<CompletableFuture<AcceptedReport>> all = new ArrayList<>(neighbours);
            if (refused != null) {
                all.add(refused);
            }
            awaitQuietly(all);
            database.execute("ALTER TABLE report DROP CONSTRAINT test_refused");
        }

        assertThat(refusal(refused)).isNotInstanceOf(ProblemException.class);
        for (CompletableFuture<AcceptedReport> neighbour : neighbours) {
            assertThat(neighbour.get(30, TimeUnit.SECONDS).report().trackingId).isNotBlank();
        }
        assertThat(batchesSince())
                .as("the alone, the failed batch of six, then each of the six on its own")
                .isEqualTo(8);
        assertThat(
                        database.count(
                                "SELECT count(*) FROM outbox_event WHERE payload LIKE ?",
                                "%" + REFUSED_BY_THE_DATABASE + "%"))
                .as("the refused report's event went with it")
                .isZero();
    }

    @Test
    void aSecondWriterStartsOnlyWhenAFullBatchWaitsForTheFirst() throws Exception {
        int fullBatch = config.submissions().maxBatchSize();
        List<CompletableFuture<AcceptedReport>> answers = new ArrayList<>();
        try (Connection slowMoment = lockedReportTable()) {
            answers.add(submit(report("Alone", null)));
            for (int i = 1; i < fullBatch; i++) {
                answers.add(submit(report("Waiting " + i, null)));
            }
            assertThat(batchesSince())
                    .as("writers while less than a full batch waits")
                    .isEqualTo(1);

            answers.add(submit(report("The full batch's last", null)));
            assertThat(batchesSince()).as("writers once a full batch waits").isEqualTo(2);
            assertThat(reportsSince()).isEqualTo(1 + fullBatch);
            slowMoment.rollback();
        }
        for (CompletableFuture<AcceptedReport> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS).report().trackingId).isNotBlank();
        }
    }

    @Test
    void eachReportsEventsAreStagedInItsOwnOrderThoughReportsShareAStatement() throws Exception {
        // A reporter key makes two events of one report: consumers must learn of the report before
        // of its key.
        String reporterKey = OpenPgpKeys.generate("Ada <ada@example.org>").armored();
        List<CompletableFuture<AcceptedReport>> answers = new ArrayList<>();
        try (Connection slowMoment = lockedReportTable()) {
            for (int i = 0; i < 6; i++) {
                answers.add(
                        submit(
                                new NewReport(
                                        "pea2pea",
                                        "Keyed " + i,
                                        "A description",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        reporterKey)));
            }
            slowMoment.rollback();
        }

        for (CompletableFuture<AcceptedReport> answer : answers) {
            String reportId = answer.get(30, TimeUnit.SECONDS).report().id.toString();
            assertThat(
                            database.rows(
                                    "SELECT event_type FROM outbox_event WHERE event_key = ? ORDER"
                                            + " BY seq",
                                    reportId))
                    .extracting(event -> event.get("event_type"))
                    .containsExactly("report.submitted.v3", "report.reporter.key.provided.v1");
        }
        assertThat(batchesSince()).as("the first alone, the five waiting together").isEqualTo(2);
    }

    /** A transaction holding a lock that lets writers read but stops their INSERT until it ends. */
    private Connection lockedReportTable() throws SQLException {
        Connection connection = database.connection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE report IN SHARE ROW EXCLUSIVE MODE");
        }
        return connection;
    }

    /** Submits as the REST resource does; the submission joins the queue before this returns. */
    private CompletableFuture<AcceptedReport> submit(NewReport report) {
        return batches.submit(report).subscribeAsCompletionStage();
    }

    private static NewReport report(String title, String scopeClass) {
        return new NewReport(
                "pea2pea", title, "A description", null, null, null, scopeClass, null, null, null);
    }

    private static Throwable refusal(CompletableFuture<AcceptedReport> answer) {
        try {
            answer.join();
        } catch (CompletionException failed) {
            return failed.getCause();
        }
        throw new AssertionError("Accepted, but should have been refused");
    }

    private static void awaitQuietly(List<CompletableFuture<AcceptedReport>> answers) {
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
    }

    private long batchesSince() {
        return batchSizes.count() - batchesBefore;
    }

    private double reportsSince() {
        return batchSizes.totalAmount() - reportsBefore;
    }
}
