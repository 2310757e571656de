package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private final StackSettings settings =
            StackSettings.from(
                    StackSettings.Lookup.of(
                            Map.of(
                                    "EMBARGO_REPO",
                                    "/srv/embargo",
                                    "EMBARGO_KAFKA_PORT",
                                    "29092",
                                    "EMBARGO_KAFKA_CONTROLLER_PORT",
                                    "29093")));

    @Test
    void theBrokerIsItsOwnControllerOnLoopbackOnly() {
        String properties = KafkaBroker.serverProperties(settings, Path.of("/data/kafka/log"));

        assertThat(properties)
                .contains(
                        "process.roles=broker,controller",
                        "controller.quorum.voters=1@127.0.0.1:29093",
                        "listeners=PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093",
                        "advertised.listeners=PLAINTEXT://127.0.0.1:29092",
                        "log.dirs=/data/kafka/log");
    }

    @Test
    void internalTopicsHaveOneReplicaOnOneBrokerAndNewGroupsStartAtOnce() {
        String properties = KafkaBroker.serverProperties(settings, Path.of("/data/kafka/log"));

        assertThat(properties)
                .contains(
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=false");
    }

    @Test
    void everyTopicOfTheCatalogIsCreatedWithItsPartitionsAndDeadLetterTopic() {
        List<NewTopic> missing = KafkaTopics.missing(Set.of());

        assertThat(missing)
                .extracting(NewTopic::name)
                .containsExactlyElementsOf(
                        Topics.all().stream().map(Topics.TopicSpec::name).toList())
                .contains(Topics.REPORT_LIFECYCLE.name() + Topics.DEAD_LETTER_SUFFIX);
        assertThat(missing).allMatch(topic -> topic.replicationFactor() == 1);
        assertThat(missing)
                .filteredOn(topic -> topic.name().equals(Topics.REPORT_LIFECYCLE.name()))
                .singleElement()
                .matches(topic -> topic.numPartitions() == Topics.REPORT_LIFECYCLE.partitions());
    }

    @Test
    void compactedTopicsAreCreatedCompactedAndTheirDeadLetterTopicsAreNot() {
        List<NewTopic> missing = KafkaTopics.missing(Set.of());
        String policies = Topics.PROGRAM_POLICIES.name();

        assertThat(missing)
                .filteredOn(topic -> topic.name().equals(policies))
                .singleElement()
                .matches(topic -> "compact".equals(topic.configs().get("cleanup.policy")));
        assertThat(missing)
                .filteredOn(topic -> topic.name().equals(policies + Topics.DEAD_LETTER_SUFFIX))
                .singleElement()
                .matches(
                        topic ->
                                topic.configs() == null
                                        || !topic.configs().containsKey("cleanup.policy"));
    }

    @Test
    void topicsThatExistAreLeftAlone() {
        assertThat(KafkaTopics.missing(Set.of(Topics.REPORT_LIFECYCLE.name())))
                .extracting(NewTopic::name)
                .doesNotContain(Topics.REPORT_LIFECYCLE.name())
                .hasSize(Topics.all().size() - 1);
    }

    @Test
    void theFirstBrokerRecordsItsStartCacheAndWaitsForItAtStopLaterOnesLoadIt(@TempDir Path home)
            throws Exception {
        StackSettings stack =
                StackSettings.from(
                        StackSettings.Lookup.of(Map.of("EMBARGO_HOME", home.toString())));
        KafkaBroker kafka = new KafkaBroker(stack, new Tools(stack));
        StartCache cache = new StartCache(stack.toolsDir(), "kafka");
        Path config = home.resolve("server.properties");
        Path logging = home.resolve("log4j2.properties");

        assertThat(kafka.startCommand(config, logging, "kafka.jar"))
                .contains("-XX:AOTCacheOutput=" + cache.file(), "kafka.Kafka");
        assertThat(cache.stopGrace()).isEqualTo(ManagedProcess.RECORDING_STOP_GRACE);

        Files.createDirectories(stack.toolsDir());
        Files.writeString(cache.file(), "recorded");

        assertThat(kafka.startCommand(config, logging, "kafka.jar"))
                .contains("-XX:AOTCache=" + cache.file())
                .doesNotContain("-XX:AOTCacheOutput=" + cache.file());
        assertThat(cache.stopGrace()).isEqualTo(ManagedProcess.STOP_GRACE);
    }
}
