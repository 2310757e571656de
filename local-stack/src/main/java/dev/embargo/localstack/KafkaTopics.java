package dev.embargo.localstack;

import dev.embargo.contracts.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The platform's topic catalog ({@link Topics#all()}, dead-letter topics included) created on the
 * broker before any service starts; the broker creates no topic on its own, so a misspelt name
 * fails instead of quietly making a new topic.
 */
final class KafkaTopics {

    private static final short ONE_BROKER = 1;

    private KafkaTopics() {}

    /**
     * Creates the catalog's missing topics; existing ones are left as they are. Returns how many
     * the broker has.
     */
    static int createMissing(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = missing(existing);
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return Topics.all().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return Topics.all().size();
            }
            throw new StackException("Cannot create Kafka topics: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new StackException("Kafka did not answer within 30 s while creating topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while creating Kafka topics", e);
        }
    }

    /** The catalog's topics not in {@code existing}, as the broker should create them. */
    static List<NewTopic> missing(Set<String> existing) {
        return Topics.all().stream()
                .filter(topic -> !existing.contains(topic.name()))
                .map(
                        topic -> {
                            NewTopic newTopic =
                                    new NewTopic(topic.name(), topic.partitions(), ONE_BROKER);
                            if (topic.compacted()) {
                                newTopic.configs(
                                        Map.of(
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT));
                            }
                            return newTopic;
                        })
                .toList();
    }
}
