package dev.embargo.kit.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event waiting in the service's own database to be relayed to Kafka. It is written in the same
 * transaction as the state change it announces, so either both happen or neither does. Its id
 * becomes the CloudEvents id that consumers deduplicate on.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id public UUID id;

    /** Insertion order, assigned by the database; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "event_key")
    public String eventKey;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    public String payload;
}
