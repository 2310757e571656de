package dev.embargo.intake.support;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.EventCodec;
import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Kafka as intake meets it in these tests: triage is not running, so its events (program revisions,
 * acknowledgements, state changes, the team's messages) are published here as triage's relay would,
 * CloudEvents in binary mode; and any topic can be read back from its start.
 */
public final class TriageEvents {

    private static final EventCodec CODEC = new EventCodec();
    private static KafkaProducer<String, String> producer;

    private TriageEvents() {}

    /** Publishes the payload as a new event from triage; returns its CloudEvents id. */
    public static String publish(EventPayload payload) {
        String id = UUID.randomUUID().toString();
        publish(payload, id);
        return id;
    }

    /** Publishes the payload under the given event id: the same id again is a redelivery. */
    public static void publish(EventPayload payload, String id) {
        EventType type = EventType.of(payload.getClass());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventAttributes.HEADER_SPEC_VERSION, CloudEventAttributes.SPEC_VERSION);
        headers.put(CloudEventAttributes.HEADER_ID, id);
        headers.put(CloudEventAttributes.HEADER_SOURCE, CloudEventAttributes.sourceOf("triage"));
        headers.put(CloudEventAttributes.HEADER_TYPE, type.typeName());
        headers.put(CloudEventAttributes.HEADER_SUBJECT, payload.subject());
        headers.put(
                CloudEventAttributes.HEADER_TIME, OffsetDateTime.now(ZoneOffset.UTC).toString());
        headers.put(
                CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.DATA_CONTENT_TYPE);
        publishRaw(type.topic().name(), payload.subject(), headers, CODEC.encode(payload));
    }

    /** Publishes a record as it is: any headers, any value, e.g. one that breaks its contract. */
    public static synchronized void publishRaw(
            String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach(
                (name, header) ->
                        record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    /** Every record on the topic now, from its first offset to its end. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        properties.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream()
                    .anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The value of a record's header; null when it has none. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            properties.put(
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
