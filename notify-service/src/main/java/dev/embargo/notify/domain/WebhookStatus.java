package dev.embargo.notify.domain;

/** Where a webhook delivery stands. */
public enum WebhookStatus {
    /** Waiting for its next try (or its first). */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Every try of the schedule failed: dead-lettered, until staff replay it. */
    DEAD
}
