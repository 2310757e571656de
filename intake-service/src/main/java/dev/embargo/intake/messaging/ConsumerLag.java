package dev.embargo.intake.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * How many events of a topic a consumer group has not read yet: each partition's end offset less
 * the group's committed offset (its first offset when the group has committed none, since the group
 * then starts from the earliest event).
 */
final class ConsumerLag {

    private final Admin admin;
    private final String group;
    private final String topic;
    private final Duration timeout;

    ConsumerLag(Admin admin, String group, String topic, Duration timeout) {
        this.admin = admin;
        this.group = group;
        this.topic = topic;
        this.timeout = timeout;
    }

    /** The lag summed over the topic's partitions; a topic not created yet has none. */
    long measure() throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicPartition> partitions;
        try {
            partitions =
                    await(admin.describeTopics(List.of(topic)).allTopicNames())
                            .get(topic)
                            .partitions()
                            .stream()
                            .map(info -> new TopicPartition(topic, info.partition()))
                            .toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw e;
        }
        Map<TopicPartition, OffsetAndMetadata> committed =
                await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata read = committed.get(partition);
            long position = read == null ? starts.get(partition) : read.offset();
            lag += Math.max(0, ends.get(partition) - position);
        }
        return lag;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, ListOffsetsResultInfo> offsets =
                await(
                        admin.listOffsets(
                                        partitions.stream()
                                                .collect(
                                                        Collectors.toMap(
                                                                Function.identity(), p -> spec)))
                                .all());
        return offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private <T> T await(KafkaFuture<T> future)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
