package dev.embargo.localstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process, no ZooKeeper),
 * running the Maven Central jars as its own JVM, with the platform's topics created before the
 * services start.
 */
final class KafkaBroker extends ProcessComponent {

    /** The broker's own log lines, without the per-request chatter. */
    private static final String LOGGING =
            """
            status = warn
            appender.out.type = Console
            appender.out.name = out
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = info
            rootLogger.appenderRef.out.ref = out
            logger.requests.name = kafka.request.logger
            logger.requests.level = warn
            """;

    private final Tools tools;
    private final Path directory;

    /** With the fetched tools, which a new version of Kafka replaces. */
    private final StartCache startCache;

    KafkaBroker(StackSettings settings, Tools tools) {
        super("kafka", settings);
        this.tools = tools;
        this.directory = settings.dataDir().resolve("kafka");
        this.startCache = new StartCache(settings.toolsDir(), "kafka");
    }

    @Override
    public String endpoint() {
        return settings.kafkaBootstrap();
    }

    @Override
    public List<Integer> ports() {
        return List.of(settings.kafkaPort(), settings.kafkaControllerPort());
    }

    @Override
    public void start() {
        if (isRunning()) {
            return;
        }
        Path config =
                write("server.properties", serverProperties(settings, directory.resolve("log")));
        Path logging = write("log4j2.properties", LOGGING);
        String classpath = tools.kafkaClasspath();
        if (!Files.exists(directory.resolve("log/meta.properties"))) {
            // A static quorum (controller.quorum.voters) is formatted without --standalone; "="
            // because an id may start with "-".
            Commands.run(
                    List.of(
                            Commands.java(),
                            "-Dlog4j2.configurationFile=" + logging,
                            "-cp",
                            classpath,
                            "kafka.tools.StorageTool",
                            "format",
                            "--cluster-id=" + clusterId(),
                            "--config=" + config),
                    directory,
                    120);
        }
        process.start(startCommand(config, logging, classpath), Map.of(), directory);
    }

    List<String> startCommand(Path config, Path logging, String classpath) {
        List<String> command =
                new ArrayList<>(
                        List.of(Commands.java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"));
        command.addAll(startCache.jvmOptions());
        command.addAll(
                List.of(
                        "-Djava.io.tmpdir=" + directory.resolve("tmp"),
                        "-Dlog4j2.configurationFile=" + logging,
                        "-cp",
                        classpath,
                        "kafka.Kafka",
                        config.toString()));
        return command;
    }

    /** A recording broker gets the time to write its start cache. */
    @Override
    public void stop() {
        process.stop(startCache.stopGrace());
    }

    @Override
    public void awaitReady() {
        Readiness.await(
                process, Duration.ofSeconds(60), () -> Readiness.portOpen(settings.kafkaPort()));
        KafkaTopics.createMissing(settings.kafkaBootstrap());
    }

    static String serverProperties(StackSettings settings, Path logDirectory) {
        return """
        # Written by the local stack on every start; change local-stack's KafkaBroker instead.
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@127.0.0.1:%2$d
        listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
        advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
        controller.listener.names=CONTROLLER
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
        inter.broker.listener.name=PLAINTEXT
        log.dirs=%3$s
        # One node: internal topics cannot have more than one replica, or consumers hang.
        offsets.topic.replication.factor=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        # Consumers of a fresh group start at once instead of waiting for more members.
        group.initial.rebalance.delay.ms=0
        # Topics come from the catalog (dev.embargo.contracts.Topics); a typo must not create one.
        auto.create.topics.enable=false
        """
                .formatted(settings.kafkaPort(), settings.kafkaControllerPort(), logDirectory);
    }

    private Path write(String fileName, String content) {
        try {
            Files.createDirectories(directory.resolve("tmp"));
            Path file = directory.resolve(fileName);
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new StackException("Cannot write Kafka's " + fileName + ": " + e.getMessage(), e);
        }
    }

    /** Kafka's cluster id format: 16 random bytes in URL-safe Base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        byte[] bytes =
                ByteBuffer.allocate(16)
                        .putLong(uuid.getMostSignificantBits())
                        .putLong(uuid.getLeastSignificantBits())
                        .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
