package dev.embargo.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Triage's backlog as intake reads it from the module's test broker. */
@QuarkusTest
class ConsumerLagTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final String topic = "lag-test-" + UUID.randomUUID();
    private Admin admin;

    @BeforeEach
    void twoPartitionsWithThreeEventsEach() throws Exception {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of("bootstrap.servers", bootstrap),
                        new StringSerializer(),
                        new StringSerializer())) {
            for (int partition = 0; partition < 2; partition++) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(topic, partition, "key", "event")).get();
                }
            }
        }
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void theLagIsWhatTheGroupHasNotCommittedOnEveryPartition() throws Exception {
        String group = "lag-test-" + UUID.randomUUID();
        admin.alterConsumerGroupOffsets(
                        group,
                        Map.of(
                                new TopicPartition(topic, 0), new OffsetAndMetadata(1),
                                new TopicPartition(topic, 1), new OffsetAndMetadata(3)))
                .all()
                .get();

        assertThat(new ConsumerLag(admin, group, topic, TIMEOUT).measure()).isEqualTo(2);
    }

    @Test
    void aGroupThatHasCommittedNothingHasTheWholeTopicToRead() throws Exception {
        assertThat(new ConsumerLag(admin, "never-started", topic, TIMEOUT).measure()).isEqualTo(6);
    }

    @Test
    void aTopicNotCreatedYetHasNoLag() throws Exception {
        assertThat(
                        new ConsumerLag(
                                        admin,
                                        "triage",
                                        "no-such-topic-" + UUID.randomUUID(),
                                        TIMEOUT)
                                .measure())
                .isZero();
    }
}
