package dev.embargo.notify.domain;

/** Where an email delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up after the last attempt; staff see it in the delivery log. */
    FAILED
}
