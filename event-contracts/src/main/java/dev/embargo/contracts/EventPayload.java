package dev.embargo.contracts;

/**
 * The data of an event. Its {@link #subject()} is the CloudEvents {@code subject} and the Kafka
 * record key, so that all events about one report (or advisory, or delivery) share a partition and
 * stay in order.
 */
public interface EventPayload {

    /** The id of the thing the event is about: for report lifecycle events, the report id. */
    String subject();

    /**
     * The payload as this build's current version of its event reads it. An older version that is
     * still accepted (events already on a topic) overrides this to translate itself, so consumers
     * only ever handle the current shape.
     */
    default EventPayload current() {
        return this;
    }
}
