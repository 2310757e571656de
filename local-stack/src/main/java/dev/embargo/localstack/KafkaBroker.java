package dev.embargo.localstack;

import dev.embargo.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node Kafka broker in KRaft mode (no ZooKeeper), running the Maven Central jars as
 * its own JVM, with every topic of {@link Topics} created before the services start.
 */
final class KafkaBroker extends ProcessComponent {

    private final Tools tools;
    private final Path directory;

    KafkaBroker(StackSettings settings, Tools tools) {
        super("kafka", settings);
        this.tools = tools;
        this.directory = settings.dataDir().resolve("kafka");
    }

    @Override
    public String endpoint() {
        return settings.kafkaBootstrap();
    }

    @Override
    public void start() {
        if (isRunning()) {
            return;
        }
        Path config = writeConfig();
        String classpath = tools.kafkaClasspath();
        if (!Files.exists(directory.resolve("log/meta.properties"))) {
            // A static quorum (controller.quorum.voters) is formatted without --standalone.
            Commands.run(List.of(Commands.java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                    // "=" because a random id may start with "-".
                    "--cluster-id=" + clusterId(), "--config=" + config), directory, 120);
        }
        process.start(List.of(Commands.java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + directory.resolve("tmp"), "-cp", classpath, "kafka.Kafka", config.toString()),
                Map.of(), directory);
    }

    @Override
    public void awaitReady() {
        Readiness.await(process, Duration.ofSeconds(60), () -> Readiness.portOpen(settings.kafkaPort()));
        createTopics();
    }


    /** Creates the missing topics of the catalog; existing ones are left as they are. */
    private void createTopics() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topics.TopicSpec topic : Topics.all()) {
                if (!existing.contains(topic.name())) {
                    NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), (short) 1);
                    if (topic.compacted()) {
                        newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(newTopic);
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StackException("Cannot create Kafka topics: " + e.getCause().getMessage(), e);
            }
        } catch (Exception e) {
            throw new StackException("Cannot create Kafka topics: " + e.getMessage(), e);
        }
    }

    private Path writeConfig() {
        String config = """
                # Written by the local stack on every start; edit local-stack's KafkaBroker instead.
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
                group.initial.rebalance.delay.ms=0
                # Topics come from the catalog (dev.embargo.contracts.Topics); a typo must not create one.
                auto.create.topics.enable=false
                """.formatted(settings.kafkaPort(), settings.kafkaControllerPort(), directory.resolve("log"));
        try {
            Files.createDirectories(directory.resolve("tmp"));
            Path file = directory.resolve("server.properties");
            Files.writeString(file, config);
            return file;
        } catch (IOException e) {
            throw new StackException("Cannot write Kafka's configuration: " + e.getMessage(), e);
        }
    }

    /** Kafka's cluster id format: 16 random bytes in URL-safe Base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        byte[] bytes = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
