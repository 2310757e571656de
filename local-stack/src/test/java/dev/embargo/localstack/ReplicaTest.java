package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaTest {

    @TempDir Path home;

    private LocalStack stack;

    @BeforeEach
    void testStack() {
        stack =
                LocalStack.create(
                        StackSettings.from(
                                StackSettings.Lookup.of(
                                        Map.of(
                                                "EMBARGO_REPO",
                                                "/srv/embargo",
                                                "EMBARGO_HOME",
                                                home.toString(),
                                                "EMBARGO_PROFILE",
                                                "test"))));
    }

    @Test
    void theSecondReplicaListensOnTheFirstOnesPortPlusAHundred() {
        EmbargoService first = stack.replica("notify", 1);
        EmbargoService second = stack.replica("notify", 2);

        assertThat(first).isSameAs(stack.service("notify"));
        assertThat(first.port()).isEqualTo(18083);
        assertThat(second.port()).isEqualTo(18183);
        assertThat(second.baseUrl()).isEqualTo("http://127.0.0.1:18183");
        assertThat(second.ports()).containsExactly(18183, 19183);
        assertThat(second.managementUrl()).isEqualTo("http://127.0.0.1:19183/q");
        assertThat(second.service()).isEqualTo("notify");
        assertThat(second.replica()).isEqualTo(2);
        assertThat(stack.replica("intake", 2).port()).isEqualTo(18181);
        assertThat(stack.replica("advisory", 2).port()).isEqualTo(18184);
    }

    @Test
    void theSecondReplicaHasItsOwnPidFileLogAndWorkingDirectoryButTheSameJar() {
        EmbargoService first = stack.replica("triage", 1);
        EmbargoService second = stack.replica("triage", 2);

        assertThat(second.name()).isEqualTo("triage-2");
        assertThat(second.process.pidFile()).isEqualTo(home.resolve("run/triage-2.pid"));
        assertThat(second.process.logFile()).isEqualTo(home.resolve("logs/triage-2.log"));
        assertThat(second.workingDirectory()).isEqualTo(home.resolve("run/triage-2"));
        assertThat(first.process.pidFile()).isEqualTo(home.resolve("run/triage.pid"));
        assertThat(first.workingDirectory()).isEqualTo(home.resolve("run/triage"));
        assertThat(second.jar())
                .isEqualTo(first.jar())
                .isEqualTo(
                        Path.of("/srv/embargo/triage-service/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void theSecondReplicaSharesTheStacksDatabasesKafkaAndSecretsAndOnlyListensElsewhere() {
        Map<String, String> first = stack.replica("intake", 1).environment();
        Map<String, String> second = stack.replica("intake", 2).environment();

        assertThat(first).contains(entry("EMBARGO_INTAKE_PORT", "18081"));
        Map<String, String> secondWithTheFirstsPort = new HashMap<>(second);
        secondWithTheFirstsPort.put("EMBARGO_INTAKE_PORT", "18081");
        secondWithTheFirstsPort.put("EMBARGO_INTAKE_MANAGEMENT_PORT", "19081");
        assertThat(second)
                .contains(
                        entry("EMBARGO_INTAKE_PORT", "18181"),
                        entry("EMBARGO_INTAKE_MANAGEMENT_PORT", "19181"));
        assertThat(secondWithTheFirstsPort).isEqualTo(first);
        // Links keep pointing at the first replica's port, the other services at their own.
        assertThat(second)
                .contains(
                        entry("EMBARGO_INTAKE_PUBLIC_URL", "http://localhost:18081"),
                        entry("EMBARGO_TRIAGE_PORT", "18082"));
    }

    @Test
    void aSecondReplicaIsListedInTheStatusOnlyWhileItRuns() throws IOException {
        assertThat(stack.status()).noneMatch(line -> line.startsWith("advisory-2"));

        // A pid file naming a live process started before it: this test's own JVM stands in.
        Files.createDirectories(home.resolve("run"));
        Files.writeString(
                home.resolve("run/advisory-2.pid"), Long.toString(ProcessHandle.current().pid()));

        assertThat(stack.status())
                .anyMatch(
                        line ->
                                line.startsWith("advisory-2 running")
                                        && line.endsWith("http://127.0.0.1:18184"));
    }

    @Test
    void thereAreOneOrTwoReplicasOfAKnownService() {
        assertThatThrownBy(() -> stack.replica("notify", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one or two replicas");
        assertThatThrownBy(() -> stack.replica("notify", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stack.replica("billing", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no service named 'billing'");
    }
}
