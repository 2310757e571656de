package dev.embargo.advisory.messaging;

import static dev.embargo.advisory.AdvisoryFixtures.MOQTAIL;
import static dev.embargo.advisory.AdvisoryTestInfrastructure.triage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.advisory.AdvisoryFixtures;
import dev.embargo.advisory.AdvisoryFixtures.Report;
import dev.embargo.contracts.EventType;
import dev.embargo.contracts.Topics;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.localstack.ServiceTestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Triage's events reach advisory's projection exactly once in effect; a message that breaks its
 * contract is set aside.
 */
@QuarkusTest
class ReportLifecycleConsumerTest {

    @Inject AdvisoryFixtures fixtures;

    @Inject MeterRegistry metrics;

    @Inject FieldCipher cipher;

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        Report report = fixtures.submitted(MOQTAIL);
        String accepted = UUID.randomUUID().toString();
        triage().publish(AdvisoryFixtures.caseMoved(report, "triaging", "accepted"), accepted);
        fixtures.awaitCaseState(report.trackingId(), "accepted");
        triage().publish(AdvisoryFixtures.caseMoved(report, "accepted", "fixing"));
        fixtures.awaitCaseState(report.trackingId(), "fixing");

        // The first event again, as after a rebalance: had it been applied, the case would be back
        // at accepted.
        double duplicatesBefore = duplicates();
        triage().publish(AdvisoryFixtures.caseMoved(report, "triaging", "accepted"), accepted);

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);
        assertThat(
                        fixtures.text(
                                "select case_state from tracked_report where tracking_id = ?",
                                report.trackingId()))
                .isEqualTo("fixing");
        assertThat(
                        fixtures.count(
                                "select count(*) from processed_event where event_id = ?",
                                accepted))
                .isEqualTo(1);
    }

    @Test
    void theCreditNameAndAffectedVersionAreStoredSealedAlsoWhenAnOlderIntakeSentThemPlain() {
        for (Report report :
                List.of(fixtures.submitted(MOQTAIL), fixtures.submittedByAnOlderIntake(MOQTAIL))) {
            assertThat(
                            fixtures.text(
                                    "select row_to_json(t)::text from tracked_report t where"
                                            + " tracking_id = ?",
                                    report.trackingId()))
                    .contains(report.trackingId())
                    .doesNotContain(
                            AdvisoryFixtures.creditOf(report), AdvisoryFixtures.AFFECTED_VERSION);
            assertThat(
                            cipher.open(
                                    fixtures.text(
                                            "select sealed_credit_name from tracked_report where"
                                                    + " tracking_id = ?",
                                            report.trackingId())))
                    .isEqualTo(AdvisoryFixtures.creditOf(report));
        }
    }

    @Test
    void aMessageThatBreaksItsContractGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String poisonKey = UUID.randomUUID().toString();
        ServiceTestEvents triage = triage();
        triage.publishRaw(
                Topics.REPORT_LIFECYCLE.name(),
                poisonKey,
                triage.cloudEventHeaders(
                        EventType.CASE_STATE_CHANGED.typeName(),
                        UUID.randomUUID().toString(),
                        poisonKey),
                "{\"reportId\":\"" + poisonKey + "\"}");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(
                                                triage.readAll(
                                                        Topics.REPORT_LIFECYCLE
                                                                .deadLetter()
                                                                .name()))
                                        .anySatisfy(
                                                record ->
                                                        assertThat(record.key())
                                                                .isEqualTo(poisonKey)));
        // The consumer goes on.
        fixtures.acceptedCase(MOQTAIL);
        assertThat(
                        fixtures.count(
                                "select count(*) from tracked_report where report_id = ?::uuid",
                                poisonKey))
                .isZero();
    }

    private double duplicates() {
        return metrics.counter(
                        "embargo.inbox.events",
                        "consumer",
                        "advisory.lifecycle",
                        "type",
                        EventType.CASE_STATE_CHANGED.typeName(),
                        "outcome",
                        "duplicate")
                .count();
    }
}
