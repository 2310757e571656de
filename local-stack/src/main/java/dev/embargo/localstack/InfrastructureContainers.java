package dev.embargo.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The infrastructure as containers of the official images, through Testcontainers, for machines
 * with a Docker engine ({@code EMBARGO_INFRASTRUCTURE=containers}): PostgreSQL, Kafka (KRaft),
 * Keycloak with the realm, GreenMail. They listen on the host's network at the stack's own ports,
 * so the services, tests and readiness checks are the same as with local processes. Images can be
 * changed with {@code EMBARGO_POSTGRES_IMAGE}, {@code EMBARGO_KAFKA_IMAGE}, {@code
 * EMBARGO_KEYCLOAK_IMAGE} and {@code EMBARGO_MAIL_IMAGE}. The containers live as long as the JVM
 * that started them: this is for the test stack and a foreground {@code ./embargo up}, not for
 * {@code up --detach}.
 */
final class InfrastructureContainers {

    static final String POSTGRES_IMAGE = "postgres:17.6";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.4.0";
    static final String MAIL_IMAGE = "greenmail/standalone:2.1.5";

    private static final String SUPERUSER_PASSWORD = "postgres";

    private InfrastructureContainers() {}

    /** Whether the environment asks for containers instead of local processes. */
    static boolean requested() {
        return "containers".equalsIgnoreCase(setting("EMBARGO_INFRASTRUCTURE", "processes"));
    }

    static List<Component> of(StackSettings settings) {
        return List.of(postgres(settings), kafka(settings), keycloak(settings), mail(settings));
    }

    private static Component postgres(StackSettings settings) {
        int port = settings.postgresPort();
        return new Infrastructure(
                "postgres",
                settings,
                setting("EMBARGO_POSTGRES_IMAGE", POSTGRES_IMAGE),
                List.of(port),
                "127.0.0.1:" + port,
                container ->
                        container
                                .withEnv("POSTGRES_PASSWORD", SUPERUSER_PASSWORD)
                                .withCommand(postgresCommand(settings).toArray(String[]::new)),
                container -> {
                    Readiness.await(
                            "postgres",
                            logFile(settings, "postgres"),
                            Duration.ofSeconds(60),
                            () -> psql(container, port, "-c", "SELECT 1").getExitCode() == 0);
                    // The same roles and databases as the local server gets, through the trusted
                    // local socket.
                    container.copyFileToContainer(
                            Transferable.of(
                                    ServiceDatabases.bootstrapScript(StackSettings.ALL_SERVICES)),
                            "/tmp/embargo-bootstrap.sql");
                    ExecResult bootstrap =
                            psql(container, port, "-f", "/tmp/embargo-bootstrap.sql");
                    if (bootstrap.getExitCode() != 0) {
                        throw new StackException(
                                "Creating the service databases failed: " + bootstrap.getStderr());
                    }
                });
    }

    /** The image's server command, with the settings the local server gets. */
    static List<String> postgresCommand(StackSettings settings) {
        List<String> command =
                new ArrayList<>(
                        List.of("postgres", "-p", Integer.toString(settings.postgresPort())));
        PostgresServer.serverSettings(settings)
                .forEach(setting -> command.addAll(List.of("-c", setting)));
        return command;
    }

    private static Component kafka(StackSettings settings) {
        return new Infrastructure(
                "kafka",
                settings,
                setting("EMBARGO_KAFKA_IMAGE", KAFKA_IMAGE),
                List.of(settings.kafkaPort(), settings.kafkaControllerPort()),
                settings.kafkaBootstrap(),
                container -> container.withEnv(kafkaEnvironment(settings)),
                container -> {
                    Readiness.await(
                            "kafka",
                            logFile(settings, "kafka"),
                            Duration.ofSeconds(60),
                            () -> Readiness.portOpen(settings.kafkaPort()));
                    KafkaTopics.createMissing(settings.kafkaBootstrap());
                });
    }

    /**
     * The local broker's properties, in the image's language: {@code foo.bar=x} is {@code
     * KAFKA_FOO_BAR=x}.
     */
    static Map<String, String> kafkaEnvironment(StackSettings settings) {
        Map<String, String> environment = new LinkedHashMap<>();
        KafkaBroker.serverProperties(settings, Path.of("/tmp/kraft-combined-logs"))
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(
                        line -> {
                            int equals = line.indexOf('=');
                            environment.put(
                                    "KAFKA_"
                                            + line.substring(0, equals)
                                                    .replace('.', '_')
                                                    .toUpperCase(Locale.ROOT),
                                    line.substring(equals + 1));
                        });
        return environment;
    }

    private static Component keycloak(StackSettings settings) {
        return new Infrastructure(
                "keycloak",
                settings,
                setting("EMBARGO_KEYCLOAK_IMAGE", KEYCLOAK_IMAGE),
                List.of(settings.keycloakPort(), settings.keycloakManagementPort()),
                settings.keycloakUrl(),
                container ->
                        container
                                .withEnv(
                                        Map.of(
                                                "KC_BOOTSTRAP_ADMIN_USERNAME",
                                                "admin",
                                                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                                                "admin"))
                                .withCopyFileToContainer(
                                        MountableFile.forHostPath(
                                                settings.repository()
                                                        .resolve(KeycloakServer.REALM_FILE)),
                                        "/opt/keycloak/data/import/embargo-realm.json")
                                .withCommand(
                                        "start-dev",
                                        "--import-realm",
                                        "--http-host=127.0.0.1",
                                        "--http-port=" + settings.keycloakPort(),
                                        "--http-management-port="
                                                + settings.keycloakManagementPort(),
                                        "--health-enabled=true",
                                        "--hostname=http://localhost:" + settings.keycloakPort(),
                                        "--cache=local"),
                container -> {
                    String health =
                            "http://127.0.0.1:"
                                    + settings.keycloakManagementPort()
                                    + "/health/ready";
                    String realm =
                            settings.keycloakUrl()
                                    + "/realms/embargo/.well-known/openid-configuration";
                    Readiness.await(
                            "keycloak",
                            logFile(settings, "keycloak"),
                            Duration.ofSeconds(180),
                            () -> Readiness.answers200(health) && Readiness.answers200(realm));
                });
    }

    private static Component mail(StackSettings settings) {
        List<Integer> ports =
                List.of(settings.smtpPort(), settings.imapPort(), settings.mailApiPort());
        return new Infrastructure(
                "mail",
                settings,
                setting("EMBARGO_MAIL_IMAGE", MAIL_IMAGE),
                ports,
                settings.mailApiUrl(),
                container ->
                        container.withEnv(
                                "GREENMAIL_OPTS", String.join(" ", MailServer.options(settings))),
                container ->
                        Readiness.await(
                                "mail",
                                logFile(settings, "mail"),
                                Duration.ofSeconds(30),
                                () -> ports.stream().allMatch(Readiness::portOpen)));
    }

    private static ExecResult psql(GenericContainer<?> container, int port, String... arguments) {
        List<String> command =
                new ArrayList<>(
                        List.of("psql", "-q", "-U", "postgres", "-p", Integer.toString(port)));
        command.addAll(List.of(arguments));
        try {
            return container.execInContainer(command.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(
                    "Interrupted while running psql in the PostgreSQL container", e);
        }
    }

    private static Path logFile(StackSettings settings, String name) {
        return settings.logDir().resolve(name + ".log");
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * One container of the infrastructure: host network, output appended to the stack's log of that
     * name.
     */
    private static final class Infrastructure implements Component {

        private final String name;
        private final StackSettings settings;
        private final String image;
        private final List<Integer> ports;
        private final String endpoint;
        private final Consumer<GenericContainer<?>> configure;
        private final Consumer<GenericContainer<?>> ready;
        private GenericContainer<?> container;

        Infrastructure(
                String name,
                StackSettings settings,
                String image,
                List<Integer> ports,
                String endpoint,
                Consumer<GenericContainer<?>> configure,
                Consumer<GenericContainer<?>> ready) {
            this.name = name;
            this.settings = settings;
            this.image = image;
            this.ports = ports;
            this.endpoint = endpoint;
            this.configure = configure;
            this.ready = ready;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized void start() {
            if (isRunning()) {
                return;
            }
            Path log = logFile(settings, name);
            try {
                Files.createDirectories(log.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            GenericContainer<?> starting =
                    new GenericContainer<>(DockerImageName.parse(image))
                            .withNetworkMode("host")
                            .withLogConsumer(
                                    (OutputFrame frame) -> append(log, frame.getUtf8String()));
            configure.accept(starting);
            starting.start();
            container = starting;
        }

        @Override
        public void awaitReady() {
            ready.accept(container);
        }

        @Override
        public synchronized void stop() {
            if (container != null) {
                container.stop();
                container = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return container != null && container.isRunning();
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public List<Integer> ports() {
            return ports;
        }

        @Override
        public String endpoint() {
            return endpoint + " (" + image + ")";
        }

        private static void append(Path log, String text) {
            try {
                Files.writeString(
                        log,
                        text,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                // The log is for people; a line that cannot be written must not stop the container.
            }
        }
    }
}
