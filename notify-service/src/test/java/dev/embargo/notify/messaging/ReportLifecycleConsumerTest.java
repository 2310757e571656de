package dev.embargo.notify.messaging;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.notify.support.ReportEvents;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportLifecycleConsumerTest {

    @Inject MockMailbox mailbox;

    @Inject FieldCipher cipher;

    @Inject DataSource database;

    @Test
    void anAcknowledgementArrivingTwiceIsEmailedOnce() {
        String reporter = "reporter-" + UUID.randomUUID() + "@example.org";
        ReportEvents report = new ReportEvents("moqtail");
        events().publish(report.submitted(cipher, reporter));
        String acknowledged = events().publish(report.acknowledged());
        // The same event again (a redelivery), then triage acknowledging the same report a second
        // time.
        events().publish(report.acknowledged(), acknowledged);
        events().publish(report.acknowledged());
        // Same report, same partition: once this later email is out, the duplicates have been dealt
        // with.
        events().publish(report.statusUpdate(1));

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                subjects(reporter).stream()
                                        .anyMatch(subject -> subject.contains("Status update")));
        assertThat(subjects(reporter))
                .filteredOn(subject -> subject.contains("We received your vulnerability report"))
                .containsExactly(
                        "[" + report.trackingId() + "] We received your vulnerability report");
        Mail acknowledgement = mailbox.getMailsSentTo(reporter).getFirst();
        assertThat(acknowledgement.getHeaders()).containsKeys("Message-ID", "Auto-Submitted");
        assertThat(acknowledgement.getText()).contains(report.trackingId());
    }

    @Test
    void anEmailWhoseSendingWasNeverRecordedGoesOutAgainUnderTheSameMessageId() throws Exception {
        String reporter = "reporter-" + UUID.randomUUID() + "@example.org";
        ReportEvents report = new ReportEvents("moqtail");
        events().publish(report.submitted(cipher, reporter));
        events().publish(report.acknowledged());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.getMailsSentTo(reporter).size() == 1);

        // What a crash between the SMTP server's acceptance and the commit leaves: still pending.
        try (Connection connection = database.getConnection();
                PreparedStatement unrecord =
                        connection.prepareStatement(
                                "UPDATE email_delivery SET status = 'PENDING', sent_at = NULL"
                                        + " WHERE tracking_id = ? AND kind = 'ACKNOWLEDGEMENT'")) {
            unrecord.setString(1, report.trackingId());
            assertThat(unrecord.executeUpdate()).isEqualTo(1);
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.getMailsSentTo(reporter).size() == 2);
        List<Mail> copies = mailbox.getMailsSentTo(reporter);
        assertThat(copies.get(1).getHeaders().get("Message-ID"))
                .isNotEmpty()
                .isEqualTo(copies.get(0).getHeaders().get("Message-ID"));
    }

    @Test
    void eachStatusUpdateNumberIsEmailedOnce() {
        String reporter = "reporter-" + UUID.randomUUID() + "@example.org";
        ReportEvents report = new ReportEvents("moqtail");
        events().publish(report.submitted(cipher, reporter));
        events().publish(report.statusUpdate(1));
        events().publish(report.statusUpdate(1));
        events().publish(report.statusUpdate(2));

        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(reporter).size() >= 2);
        assertThat(subjects(reporter))
                .hasSize(2)
                .allMatch(subject -> subject.contains("Status update"));
    }

    @Test
    void theReporterIsEmailedTheAssignedCveIdOnceThoughDeliveredAgain() {
        String reporter = "reporter-" + UUID.randomUUID() + "@example.org";
        ReportEvents report = new ReportEvents("moqtail");
        events().publish(report.submitted(cipher, reporter));
        String assigned = events().publish(report.cveAssigned("CVE-1900-2468"));
        events().publish(report.cveAssigned("CVE-1900-2468"), assigned);
        // A second event for the same ID (triage announcing it again): still one email.
        events().publish(report.cveAssigned("CVE-1900-2468"));
        events().publish(report.statusUpdate(1));

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                subjects(reporter).stream()
                                        .anyMatch(subject -> subject.contains("Status update")));
        assertThat(subjects(reporter))
                .filteredOn(subject -> subject.contains("CVE ID"))
                .containsExactly(
                        "[" + report.trackingId() + "] A CVE ID was assigned to your report");
        Mail told = mailbox.getMailsSentTo(reporter).getFirst();
        assertThat(told.getText()).contains("CVE-1900-2468", report.trackingId(), "moqtail");
        assertThat(told.getHtml()).contains("<strong>CVE-1900-2468</strong>");
    }

    private List<String> subjects(String recipient) {
        return mailbox.getMailsSentTo(recipient).stream().map(Mail::getSubject).toList();
    }
}
