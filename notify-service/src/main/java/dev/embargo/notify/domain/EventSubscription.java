package dev.embargo.notify.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Staff's endpoint for lifecycle events of some types and programs. Its URL, secret, deliveries,
 * retries and dead letters are those of its {@link WebhookEndpoint}, which belongs to no partner.
 */
@Entity
@Table(name = "event_subscription")
public class EventSubscription {

    @Id public UUID id;

    @Column(name = "endpoint_id")
    public UUID endpointId;

    /** Space-separated event types, e.g. {@code case.state.changed}. */
    @Column(name = "event_types")
    public String eventTypes;

    /** Space-separated program slugs. */
    public String programs;

    /** {@code cloudevents}, {@code chat} or {@code issue}. */
    public String format;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public List<String> eventTypeList() {
        return split(eventTypes);
    }

    public List<String> programList() {
        return split(programs);
    }

    public boolean receives(String eventType, String programSlug) {
        return eventTypeList().contains(eventType) && programList().contains(programSlug);
    }

    private static List<String> split(String values) {
        return Arrays.stream(values.split(" ")).filter(value -> !value.isEmpty()).toList();
    }
}
