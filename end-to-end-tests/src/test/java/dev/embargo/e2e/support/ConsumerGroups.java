package dev.embargo.e2e.support;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * The services' Kafka consumer groups as the broker sees them: who is in a group, which partitions
 * each member holds, and how far the group has read. Each service's group is named after it.
 */
public final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;

    public ConsumerGroups(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** The group now: the partitions each member (one per consumer of each replica) holds. */
    public Group describe(String groupId) {
        ConsumerGroupDescription description =
                get(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
        List<Set<TopicPartition>> members =
                description.members().stream()
                        .map(member -> Set.copyOf(member.assignment().topicPartitions()))
                        .toList();
        // The topics it reads: those it has offsets in, and those its members hold now.
        Set<String> topics = new HashSet<>();
        committed(groupId).keySet().forEach(partition -> topics.add(partition.topic()));
        members.forEach(held -> held.forEach(partition -> topics.add(partition.topic())));
        return new Group(members, partitionsOf(topics));
    }

    /** The offset the next record of each partition will get. */
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        return get(
                        admin.listOffsets(
                                        partitions.stream()
                                                .collect(
                                                        Collectors.toMap(
                                                                partition -> partition,
                                                                partition -> OffsetSpec.latest())))
                                .all())
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /**
     * The partitions where the group has not yet committed up to the given offsets, with how many
     * records it is short.
     */
    public Map<TopicPartition, Long> behind(String groupId, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> committed = committed(groupId);
        Map<TopicPartition, Long> behind = new HashMap<>();
        offsets.forEach(
                (partition, offset) -> {
                    long missing = offset - committed.getOrDefault(partition, 0L);
                    if (missing > 0) {
                        behind.put(partition, missing);
                    }
                });
        return behind;
    }

    @Override
    public void close() {
        admin.close();
    }

    /** The group's committed offset of every partition it has read. */
    private Map<TopicPartition, Long> committed(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach(
                (partition, offset) -> {
                    if (offset != null) {
                        committed.put(partition, offset.offset());
                    }
                });
        return committed;
    }

    private Set<TopicPartition> partitionsOf(Set<String> topics) {
        return get(admin.describeTopics(topics).allTopicNames()).values().stream()
                .flatMap(
                        topic ->
                                topic.partitions().stream()
                                        .map(
                                                partition ->
                                                        new TopicPartition(
                                                                topic.name(),
                                                                partition.partition())))
                .collect(Collectors.toSet());
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka's admin API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A consumer group at one moment.
     *
     * @param members the partitions each member holds (none while the group rebalances)
     * @param partitions every partition of the topics the group reads
     */
    public record Group(List<Set<TopicPartition>> members, Set<TopicPartition> partitions) {

        /** Whether each partition of the group's topics is held by one of its members. */
        public boolean holdsEveryPartition() {
            return members.stream()
                    .flatMap(Set::stream)
                    .collect(Collectors.toSet())
                    .containsAll(partitions);
        }
    }
}
