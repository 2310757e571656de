package dev.embargo.advisory;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.EventCodec;
import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends events to advisory as another service would: CloudEvents in binary mode on the contract's
 * topic, keyed by the subject. The id is the caller's to choose, so a redelivery can be sent on
 * purpose.
 */
@ApplicationScoped
public class TriageEvents {

    private static final EventCodec CODEC = new EventCodec();

    private final String bootstrap;
    private final KafkaProducer<String, String> producer;

    TriageEvents(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer =
                new KafkaProducer<>(
                        Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                        new StringSerializer(),
                        new StringSerializer());
    }

    /** Sends the event under a new id; returns the id. */
    public String send(EventPayload payload) {
        String id = UUID.randomUUID().toString();
        send(id, payload);
        return id;
    }

    /** Sends the event under this id (the same id twice is a redelivery). */
    public void send(String id, EventPayload payload) {
        EventType type = EventType.of(payload.getClass());
        sendRaw(type.topic().name(), payload.subject(), type.typeName(), id, CODEC.encode(payload));
    }

    /** Sends whatever value under CloudEvents headers: for messages that break their contract. */
    public void sendRaw(String topic, String subject, String typeName, String id, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, value);
        header(record, CloudEventAttributes.HEADER_SPEC_VERSION, CloudEventAttributes.SPEC_VERSION);
        header(record, CloudEventAttributes.HEADER_ID, id);
        header(record, CloudEventAttributes.HEADER_SOURCE, CloudEventAttributes.sourceOf("triage"));
        header(record, CloudEventAttributes.HEADER_TYPE, typeName);
        header(record, CloudEventAttributes.HEADER_SUBJECT, subject);
        header(record, CloudEventAttributes.HEADER_TIME, Instant.now().toString());
        header(
                record,
                CloudEventAttributes.HEADER_CONTENT_TYPE,
                CloudEventAttributes.DATA_CONTENT_TYPE);
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a record for " + topic, e.getCause());
        }
    }

    /** The record keys on a topic from its beginning, read for at most {@code patience}. */
    public List<String> keysOn(String topic, Duration patience) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                "bootstrap.servers",
                                bootstrap,
                                "group.id",
                                "advisory-tests-" + UUID.randomUUID(),
                                "auto.offset.reset",
                                "earliest"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant until = Instant.now().plus(patience);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
