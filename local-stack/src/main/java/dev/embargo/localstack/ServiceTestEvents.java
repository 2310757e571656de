package dev.embargo.localstack;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.EventCodec;
import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * A service test's side of the Kafka broker {@link ServiceTestInfrastructure} starts: publishes
 * events as another service's outbox relay would (CloudEvents in binary mode, keyed by subject), or
 * any record at all, and reads a topic back from its start. The other services are not running in
 * these tests, so their events come from here.
 */
public final class ServiceTestEvents {

    private static final EventCodec CODEC = new EventCodec();

    /** One producer per broker, shared by every instance, closed when the JVM ends. */
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS =
            new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServiceTestEvents::closeProducers));
    }

    private final String bootstrap;
    private final String source;

    private ServiceTestEvents(String bootstrap, String source) {
        this.bootstrap = bootstrap;
        this.source = source;
    }

    /**
     * The broker at {@code bootstrap} (a service's {@code kafka.bootstrap.servers}), with events
     * published as {@code service} publishes them, e.g. {@code "triage"}.
     */
    public static ServiceTestEvents on(String bootstrap, String service) {
        return new ServiceTestEvents(bootstrap, CloudEventAttributes.sourceOf(service));
    }

    /** Publishes the payload as a new event; returns its CloudEvents id, to publish it again. */
    public String publish(EventPayload payload) {
        String id = UUID.randomUUID().toString();
        publish(payload, id);
        return id;
    }

    /** Publishes the payload under the given event id: the same id again is a redelivery. */
    public void publish(EventPayload payload, String id) {
        EventType type = EventType.of(payload.getClass());
        publishRaw(
                type.topic().name(),
                payload.subject(),
                cloudEventHeaders(type.typeName(), id, payload.subject()),
                CODEC.encode(payload));
    }

    /**
     * The headers the outbox relay writes for an event of this type, id and subject (the Kafka
     * binding of CloudEvents); for a record whose value breaks its contract.
     */
    public Map<String, String> cloudEventHeaders(String typeName, String id, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventAttributes.HEADER_SPEC_VERSION, CloudEventAttributes.SPEC_VERSION);
        headers.put(CloudEventAttributes.HEADER_ID, id);
        headers.put(CloudEventAttributes.HEADER_SOURCE, source);
        headers.put(CloudEventAttributes.HEADER_TYPE, typeName);
        headers.put(CloudEventAttributes.HEADER_SUBJECT, subject);
        headers.put(
                CloudEventAttributes.HEADER_TIME,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC)));
        headers.put(
                CloudEventAttributes.HEADER_DATA_SCHEMA,
                EventType.fromTypeName(typeName)
                        .map(EventType::schemaPath)
                        .orElse("schemas/unknown"));
        headers.put(
                CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.DATA_CONTENT_TYPE);
        return headers;
    }

    /** Publishes a record as it is: any headers, any value, e.g. one that breaks its contract. */
    public void publishRaw(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach(
                (name, header) ->
                        record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            PRODUCERS
                    .computeIfAbsent(bootstrap, ServiceTestEvents::producer)
                    .send(record)
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    /**
     * Every record on the topic now, from its first offset to its end, without joining a consumer
     * group.
     */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
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
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void closeProducers() {
        PRODUCERS.values().forEach(producer -> producer.close(Duration.ofSeconds(1)));
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }
}
