package dev.embargo.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns payloads into their JSON wire form and back, checking each against its JSON Schema in both
 * directions, so a producer cannot emit what a consumer would reject. Thread-safe; build one and
 * share it.
 */
public final class EventCodec {

    private final ObjectMapper json =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public EventCodec() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (EventType type : EventType.values()) {
            schemas.put(type, factory.getSchema(readSchema(type)));
        }
    }

    /** The JSON text of a payload, validated against its type's schema. */
    public String encode(EventPayload payload) {
        EventType type = EventType.of(payload.getClass());
        JsonNode tree = json.valueToTree(payload);
        requireValid(type, tree);
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + type.typeName(), e);
        }
    }

    /**
     * The payload of an event of the given CloudEvents {@code type}.
     *
     * @throws InvalidEventException when the type is unknown or the data breaks its contract
     */
    public EventPayload decode(String typeName, String data) {
        EventType type =
                EventType.fromTypeName(typeName)
                        .orElseThrow(
                                () -> new InvalidEventException("Unknown event type " + typeName));
        JsonNode tree;
        try {
            tree = json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(typeName + " data is not JSON", e);
        }
        requireValid(type, tree);
        try {
            return json.treeToValue(tree, type.payloadType());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(
                    typeName + " data does not map to " + type.payloadType().getSimpleName(), e);
        }
    }

    private void requireValid(EventType type, JsonNode tree) {
        Set<ValidationMessage> errors = schemas.get(type).validate(tree);
        if (!errors.isEmpty()) {
            throw new InvalidEventException(
                    type.typeName()
                            + " breaks its schema: "
                            + errors.stream()
                                    .map(ValidationMessage::getMessage)
                                    .sorted()
                                    .collect(Collectors.joining("; ")));
        }
    }

    private static String readSchema(EventType type) {
        try (InputStream in =
                EventCodec.class.getClassLoader().getResourceAsStream(type.schemaPath())) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + type.schemaPath());
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
