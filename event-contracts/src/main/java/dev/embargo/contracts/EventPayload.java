package dev.embargo.contracts;

/**
 * The data of an event. Its {@link #subject()} is the CloudEvents {@code subject} and the Kafka
 * record key, so that all events about one report (or advisory, or delivery) share a partition
 * and stay in order.
 */
public interface EventPayload {

    /** The id of the thing the event is about: for report lifecycle events, the report id. */
    String subject();
}
