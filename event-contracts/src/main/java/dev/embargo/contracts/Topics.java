package dev.embargo.contracts;

import java.util.List;

/**
 * Every Kafka topic of the platform, in one place. Producers, consumers, the local stack (which
 * creates them) and the Helm chart's documentation all read these names. The version suffix is the
 * topic's contract generation: a breaking change gets a new topic.
 */
public final class Topics {

    /** Report and case lifecycle, keyed by report id, so one report's events stay in order. */
    public static final TopicSpec REPORT_LIFECYCLE =
            new TopicSpec("embargo.report-lifecycle.v1", 6, false);

    /**
     * Whole program policy revisions, keyed by program slug; compacted so the latest revision is
     * always replayable.
     */
    public static final TopicSpec PROGRAM_POLICIES =
            new TopicSpec("embargo.program-policies.v1", 3, true);

    /** Advisory lifecycle, keyed by advisory id. */
    public static final TopicSpec ADVISORY_LIFECYCLE =
            new TopicSpec("embargo.advisory-lifecycle.v1", 3, false);

    /** Notification outcomes, keyed by delivery id. */
    public static final TopicSpec NOTIFICATION_OUTCOMES =
            new TopicSpec("embargo.notification-outcomes.v1", 3, false);

    /**
     * Webhook deliveries given up after their whole retry schedule, keyed by delivery id; staff
     * replay them.
     */
    public static final TopicSpec WEBHOOK_DEAD_LETTERS =
            new TopicSpec("embargo.webhook-dead-letters.v1", 3, false);

    /**
     * Suffix of the dead-letter topic that receives what a consumer of a topic could not process.
     */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {}

    /** The topics that carry events. */
    public static List<TopicSpec> eventTopics() {
        return List.of(
                REPORT_LIFECYCLE,
                PROGRAM_POLICIES,
                ADVISORY_LIFECYCLE,
                NOTIFICATION_OUTCOMES,
                WEBHOOK_DEAD_LETTERS);
    }

    /**
     * Event topics and their dead-letter topics: what a broker must have before the services start.
     */
    public static List<TopicSpec> all() {
        return eventTopics().stream()
                .flatMap(topic -> java.util.stream.Stream.of(topic, topic.deadLetter()))
                .toList();
    }

    /**
     * A topic's name and the shape the platform expects of it.
     *
     * @param name the topic name
     * @param partitions partitions to create (a single broker; the chart documents production
     *     values)
     * @param compacted whether the topic keeps only the latest record per key
     */
    public record TopicSpec(String name, int partitions, boolean compacted) {

        /**
         * The dead-letter topic of this topic: same partitioning, never compacted, so no failure is
         * folded away.
         */
        public TopicSpec deadLetter() {
            return new TopicSpec(name + DEAD_LETTER_SUFFIX, partitions, false);
        }
    }
}
