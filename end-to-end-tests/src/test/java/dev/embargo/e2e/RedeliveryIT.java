package dev.embargo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.contracts.Topics;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.LifecycleEvents;
import dev.embargo.e2e.support.LifecycleEvents.LifecycleEvent;
import dev.embargo.e2e.support.Mailbox;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events delivered twice change nothing twice; events that break their contract go to the
 * dead-letter topic.
 */
@ExtendWith(EmbargoStack.class)
class RedeliveryIT {

    @Test
    void aRedeliveredAcknowledgementSendsNoSecondEmail(RunningStack stack) {
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "x0tta6bl4",
                                "Redelivery report",
                                "redelivery-" + UUID.randomUUID() + "@example.org");
        Mailbox mailbox = stack.mailbox();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> mailbox.subjects(report.reporterEmail()).size() == 1);
        LifecycleEvents events = stack.lifecycleEvents();
        LifecycleEvent acknowledgement =
                events.readAll().stream()
                        .filter(event -> "report.acknowledged.v2".equals(event.type()))
                        .filter(event -> event.data().contains("\"" + report.trackingId() + "\""))
                        .findFirst()
                        .orElseThrow();

        // The same event again, as a broker redelivers it; and a copy under a new id, as a confused
        // producer would send it.
        events.publish(
                Topics.REPORT_LIFECYCLE.name(),
                acknowledgement.key(),
                acknowledgement.headers(),
                acknowledgement.data());
        Map<String, String> newId = new LinkedHashMap<>(acknowledgement.headers());
        newId.put("ce_id", UUID.randomUUID().toString());
        events.publish(
                Topics.REPORT_LIFECYCLE.name(),
                acknowledgement.key(),
                newId,
                acknowledgement.data());

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(mailbox.subjects(report.reporterEmail())).hasSize(1));
    }

    @Test
    void anEventThatBreaksItsContractGoesToTheDeadLetterTopicAndTheStreamGoesOn(
            RunningStack stack) {
        LifecycleEvents events = stack.lifecycleEvents();
        String poisonId = UUID.randomUUID().toString();
        String reportId = UUID.randomUUID().toString();
        events.publish(
                Topics.REPORT_LIFECYCLE.name(),
                reportId,
                Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", poisonId,
                        "ce_source", "/somewhere/else",
                        "ce_type", "report.submitted.v1",
                        "ce_subject", reportId,
                        "content-type", "application/json"),
                "{\"reportId\":\"" + reportId + "\",\"title\":\"in clear\"}");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                events.readAll(
                                                        Topics.REPORT_LIFECYCLE
                                                                .deadLetter()
                                                                .name()))
                                        .filteredOn(event -> poisonId.equals(event.id()))
                                        .isNotEmpty()
                                        .allSatisfy(
                                                event ->
                                                        assertThat(event.headers())
                                                                .containsKey(
                                                                        "dead-letter-reason")));

        SubmittedReport after =
                stack.reporter()
                        .submit(
                                "pea2pea",
                                "After the poison",
                                "after-poison-" + UUID.randomUUID() + "@example.org");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stack.mailbox().subjects(after.reporterEmail()).size() == 1);
    }
}
