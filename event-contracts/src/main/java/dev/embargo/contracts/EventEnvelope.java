package dev.embargo.contracts;

import java.net.URI;
import java.time.OffsetDateTime;

/**
 * One event with its CloudEvents context attributes.
 *
 * @param id unique per event; consumers deduplicate on it
 * @param source the producing service, e.g. {@code /embargo/intake}
 * @param type the event type (its {@link EventType#typeName()} is the {@code type} attribute)
 * @param time when the fact happened
 * @param subject what the event is about; equals {@code data.subject()}
 * @param data the payload
 */
public record EventEnvelope<T extends EventPayload>(
        String id, URI source, EventType type, OffsetDateTime time, String subject, T data) {

    public EventEnvelope {
        if (!subject.equals(data.subject())) {
            throw new IllegalArgumentException(
                    "subject " + subject + " differs from the payload's " + data.subject());
        }
    }
}
