package dev.embargo.notify.support;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.EventCodec;
import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The test's side of Kafka: publishes events as the other services would (CloudEvents in binary
 * mode, keyed by subject), or any record at all, and reads a topic from its start.
 */
public final class Events {

    private static final EventCodec CODEC = new EventCodec();

    private Events() {}

    /**
     * Publishes the payload as a new event; its id is answered, to publish the very same event
     * again.
     */
    public static String publish(EventPayload payload) {
        String id = UUID.randomUUID().toString();
        publish(payload, id);
        return id;
    }

    /**
     * Publishes the payload under the given event id, as a producer retrying after a lost
     * acknowledgement does.
     */
    public static void publish(EventPayload payload, String eventId) {
        EventType type = EventType.of(payload.getClass());
        publishRecord(
                type.topic().name(),
                payload.subject(),
                Map.of(
                        CloudEventAttributes.HEADER_SPEC_VERSION,
                        CloudEventAttributes.SPEC_VERSION,
                        CloudEventAttributes.HEADER_ID,
                        eventId,
                        CloudEventAttributes.HEADER_SOURCE,
                        "/embargo/test",
                        CloudEventAttributes.HEADER_TYPE,
                        type.typeName(),
                        CloudEventAttributes.HEADER_SUBJECT,
                        payload.subject(),
                        CloudEventAttributes.HEADER_TIME,
                        Instant.now().toString(),
                        CloudEventAttributes.HEADER_CONTENT_TYPE,
                        CloudEventAttributes.DATA_CONTENT_TYPE),
                CODEC.encode(payload));
    }

    /** Publishes any record, contract or not. */
    public static void publishRecord(
            String topic, String key, Map<String, String> headers, String value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        properties.put(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach(
                    (name, header) ->
                            record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    /**
     * Every record on the topic now, from its first offset to its end, without joining a consumer
     * group.
     */
    public static List<Record> readAll(String topic) {
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
            List<Record> records = new ArrayList<>();
            while (partitions.stream()
                    .anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    Header type = record.headers().lastHeader(CloudEventAttributes.HEADER_TYPE);
                    records.add(
                            new Record(
                                    record.key(),
                                    type == null
                                            ? null
                                            : new String(type.value(), StandardCharsets.UTF_8),
                                    record.value()));
                }
            }
            return records;
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** One record: its key, CloudEvents type (null when it has none) and value. */
    public record Record(String key, String type, String value) {}
}
