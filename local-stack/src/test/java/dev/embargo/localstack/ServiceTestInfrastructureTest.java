package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port chosen free may be taken by another process before the server binds it; the service tests'
 * infrastructure then starts again on fresh ports instead of leaving every test without a broker.
 */
class ServiceTestInfrastructureTest {

    @TempDir Path home;

    private final List<PortBindingServer> made = new ArrayList<>();
    private ServerSocket taken;

    @BeforeEach
    void anotherProcessHoldsAPort() throws IOException {
        taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void releaseEverything() throws IOException {
        made.forEach(PortBindingServer::stop);
        taken.close();
    }

    @Test
    void aPortTakenBeforeKafkaBindsItIsChosenAfreshAndThePartlyStartedAttemptIsStopped() {
        IntSupplier takenFirst = chooserHandingOutFirst(taken.getLocalPort());

        ServiceTestInfrastructure.Started started =
                ServiceTestInfrastructure.startOnFreshPorts(
                        home, home, takenFirst, this::postgresAndKafkaOn);

        assertThat(started.settings().kafkaPort()).isNotEqualTo(taken.getLocalPort());
        assertThat(started.components()).allMatch(Component::isRunning);
        assertThat(made).hasSize(4);
        assertThat(made.subList(0, 2)).noneMatch(Component::isRunning);
    }

    @Test
    void aPortTakenOnEveryAttemptFailsTheStartWithTheServersReasonAndLeavesNothingRunning() {
        IntSupplier alwaysTaken = taken::getLocalPort;

        assertThatThrownBy(
                        () ->
                                ServiceTestInfrastructure.startOnFreshPorts(
                                        home, home, alwaysTaken, this::postgresAndKafkaOn))
                .hasMessageContaining(FreshPorts.ATTEMPTS + " attempts")
                .satisfies(
                        failure ->
                                assertThat(failure.getSuppressed())
                                        .hasSize(FreshPorts.ATTEMPTS)
                                        .allMatch(
                                                attempt ->
                                                        attempt.getMessage()
                                                                .contains("already in use")));
        assertThat(made).noneMatch(Component::isRunning);
    }

    private List<Component> postgresAndKafkaOn(StackSettings settings) {
        PortBindingServer postgres = new PortBindingServer("postgres", settings.postgresPort());
        PortBindingServer kafka = new PortBindingServer("kafka", settings.kafkaPort());
        made.add(postgres);
        made.add(kafka);
        return List.of(postgres, kafka);
    }

    /** Hands out {@code port} first, as if it had been free when chosen, then free ports. */
    private static IntSupplier chooserHandingOutFirst(int port) {
        int[] calls = {0};
        return () -> calls[0]++ == 0 ? port : FreshPorts.choose();
    }

    /** Stands in for PostgreSQL or Kafka: it listens on its port, or fails as they do if taken. */
    private static final class PortBindingServer implements Component {

        private final String name;
        private final int port;
        private ServerSocket socket;

        PortBindingServer(String name, int port) {
            this.name = name;
            this.port = port;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            try {
                socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new StackException(name + " exited while starting: " + e.getMessage(), e);
            }
        }

        @Override
        public void awaitReady() {}

        @Override
        public void stop() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new StackException("Cannot close " + name + "'s port", e);
            }
        }

        @Override
        public boolean isRunning() {
            return socket != null && !socket.isClosed();
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public List<Integer> ports() {
            return List.of(port);
        }

        @Override
        public String endpoint() {
            return "127.0.0.1:" + port;
        }
    }
}
