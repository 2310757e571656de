package dev.embargo.triage;

import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.localstack.ServiceTestEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Events as intake announces them (a report submitted, a reporter's message) on the lifecycle
 * topic, published as intake's relay would, so the tests' cases are opened by triage's own
 * consumer.
 */
@ApplicationScoped
public class IntakeEvents {

    private final FieldCipher cipher;
    private final TriageDatabase database;
    private final ServiceTestEvents kafka;

    IntakeEvents(
            FieldCipher cipher,
            TriageDatabase database,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.cipher = cipher;
        this.database = database;
        this.kafka = ServiceTestEvents.on(bootstrap, "intake");
    }

    /** Seals text as intake seals what reporters write. */
    public String seal(String text) {
        return cipher.seal(text);
    }

    /** A report to the program at its first revision, with a fresh report id and tracking id. */
    public ReportSubmitted report(String program, String title, String description) {
        return new ReportSubmitted(
                UUID.randomUUID().toString(),
                "EMB-2026-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                program,
                1,
                cipher.seal(title),
                cipher.seal(description),
                null,
                cipher.seal("Ada Lovelace"),
                null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                null,
                null,
                null);
    }

    /** Publishes the report and waits for triage to open its case: the case id. */
    public String openCase(String program, String title, String description) {
        ReportSubmitted report = report(program, title, description);
        publish(report, UUID.randomUUID().toString());
        return database.awaitCaseOf(report.reportId());
    }

    /**
     * A case of moqtail, whose policy has a triage deadline, CVSS bands, scope classes and a
     * post-mortem.
     */
    public String openCase() {
        return openCase(
                "moqtail",
                "Regex backtracking in selector parser",
                "A crafted topic selector makes the regex engine backtrack for minutes per match.");
    }

    /**
     * Publishes the payload as CloudEvent {@code eventId}, keyed by its subject, as intake's relay
     * would.
     */
    public void publish(EventPayload payload, String eventId) {
        kafka.publish(payload, eventId);
    }

    /** The test broker, for records intake would never publish and for reading topics back. */
    public ServiceTestEvents kafka() {
        return kafka;
    }
}
