package dev.embargo.e2e.support;

import dev.embargo.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

/** The lifecycle topic as an outsider sees it: read every record and header, or publish one. */
public final class LifecycleEvents {

    private final String bootstrap;

    public LifecycleEvents(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Publishes a record as a producer outside the platform would: any key, any CloudEvents
     * headers, any value.
     */
    public void publish(String topic, String key, Map<String, String> headers, String value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
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
     * Every record on the topic now, from the first offset to the end, without joining a consumer
     * group.
     */
    public List<LifecycleEvent> readAll() {
        return readAll(Topics.REPORT_LIFECYCLE.name());
    }

    /** Every record on the given topic now, from the first offset to the end. */
    public List<LifecycleEvent> readAll(String topic) {
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
            List<LifecycleEvent> events = new ArrayList<>();
            while (partitions.stream()
                    .anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    events.add(
                            new LifecycleEvent(
                                    record.key(),
                                    header(record, "ce_id"),
                                    header(record, "ce_type"),
                                    header(record, "ce_source"),
                                    header(record, "ce_subject"),
                                    record.value(),
                                    headers(record)));
                }
            }
            return events;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        record.headers()
                .forEach(
                        header ->
                                headers.put(
                                        header.key(),
                                        new String(header.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    /** One record: its key and CloudEvents attributes, the JSON data and every header as sent. */
    public record LifecycleEvent(
            String key,
            String id,
            String type,
            String source,
            String subject,
            String data,
            Map<String, String> headers) {}
}
