package dev.embargo.notify.messaging;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.notify.support.ReportEvents;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The program's team and its escalation contacts are emailed once per escalation, without what the
 * reporter wrote.
 */
@QuarkusTest
class ReporterEscalationEmailTest {

    @Inject FieldCipher cipher;

    @Inject MockMailbox mailbox;

    @Test
    void theTeamAndTheEscalationContactsAreEmailedOncePerEscalationWithoutTheMessage() {
        String program = "escalated-" + UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + UUID.randomUUID() + "@example.org";
        String lead = "lead-" + UUID.randomUUID() + "@example.org";
        events().publish(
                        new ProgramPolicyPublished(
                                program,
                                1,
                                Instant.now(),
                                """
                                apiVersion: embargo.dev/program/v2
                                slug: %s
                                name: Escalated
                                contacts:
                                  - { name: Security team, email: %s }
                                channels: [{ type: hackerone, url: "https://hackerone.com/e" }]
                                policy:
                                  deadlines: { acknowledgement: 2bd, triage: 10bd }
                                  escalation:
                                    after: 5bd
                                    contacts:
                                      - { name: Project lead, email: %s }
                                      - { name: Board, url: "https://example.org/board" }
                                """
                                        .formatted(program, team, lead)));
        ReportEvents report = new ReportEvents(program);
        ReportEscalated escalated = report.escalated(cipher, "triage", "zebra: still no answer");
        String eventId = events().publish(escalated);
        // Delivered again, and announced again under another event id: still one email.
        events().publish(escalated, eventId);
        events().publish(escalated);
        ReportEscalated later = report.escalated(cipher, "fix", "zebra: no fix either");
        events().publish(later);

        await().atMost(Duration.ofSeconds(30)).until(() -> mails(team).size() >= 2);
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(mails(lead)).extracting(Mail::getSubject).isEqualTo(subjects(mails(team)));
        List<Mail> mails = mails(team);
        assertThat(mails)
                .extracting(Mail::getSubject)
                .containsExactlyInAnyOrder(
                        "[" + report.trackingId() + "] The reporter escalated a late step: Triage",
                        "[" + report.trackingId() + "] The reporter escalated a late step: Fix");
        assertThat(mails)
                .extracting(Mail::getText)
                .anySatisfy(
                        text ->
                                assertThat(text)
                                        .containsIgnoringCase("triage")
                                        .contains(report.trackingId()))
                .allSatisfy(text -> assertThat(text).doesNotContain("zebra"));
    }

    private static List<String> subjects(List<Mail> mails) {
        return mails.stream().map(Mail::getSubject).toList();
    }

    private List<Mail> mails(String recipient) {
        return mailbox.getMailsSentTo(recipient);
    }
}
