package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InfrastructureContainersTest {

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
    void theKafkaImageIsGivenTheLocalBrokersPropertiesAsItsVariables() {
        Map<String, String> environment = InfrastructureContainers.kafkaEnvironment(settings);

        assertThat(environment)
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry(
                        "KAFKA_LISTENERS",
                        "PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093")
                .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@127.0.0.1:29093")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_LOG_DIRS", "/tmp/kraft-combined-logs");
        assertThat(environment.keySet()).allMatch(name -> name.matches("KAFKA_[A-Z0-9_]+"));
    }
}
