package dev.embargo.triage;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.EventCodec;
import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import dev.embargo.contracts.Topics;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.crypto.FieldCipher;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Events as intake announces them (a report submitted, a reporter's message) on the lifecycle
 * topic, encoded with the contracts' codec, so the tests' cases are opened by triage's own
 * consumer.
 */
@ApplicationScoped
public class IntakeEvents {

    private final FieldCipher cipher;
    private final EventCodec codec;
    private final TriageDatabase database;
    private final KafkaProducer<String, String> producer;

    IntakeEvents(
            FieldCipher cipher,
            EventCodec codec,
            TriageDatabase database,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.cipher = cipher;
        this.codec = codec;
        this.database = database;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
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
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventAttributes.HEADER_SPEC_VERSION, CloudEventAttributes.SPEC_VERSION);
        headers.put(CloudEventAttributes.HEADER_ID, eventId);
        headers.put(CloudEventAttributes.HEADER_SOURCE, CloudEventAttributes.sourceOf("intake"));
        headers.put(CloudEventAttributes.HEADER_TYPE, EventType.of(payload.getClass()).typeName());
        headers.put(CloudEventAttributes.HEADER_SUBJECT, payload.subject());
        headers.put(CloudEventAttributes.HEADER_TIME, Instant.now().toString());
        headers.put(
                CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.DATA_CONTENT_TYPE);
        publish(payload.subject(), headers, codec.encode(payload));
    }

    /** Publishes any record on the lifecycle topic, as a producer outside the platform could. */
    public void publish(String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(Topics.REPORT_LIFECYCLE.name(), key, value);
        headers.forEach(
                (name, header) ->
                        record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + record.topic(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
