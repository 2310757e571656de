package dev.embargo.kit.inbox;

import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import java.net.URI;
import java.time.ZonedDateTime;

/**
 * An event read from Kafka, its CloudEvents attributes checked and its payload decoded and
 * validated against the contract.
 */
public record InboundEvent(
        String id,
        EventType type,
        URI source,
        String subject,
        ZonedDateTime time,
        EventPayload payload) {}
