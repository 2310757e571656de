package dev.embargo.notify.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * What an email says besides its dates, stored with the delivery as JSON: names to plain text
 * values.
 */
@ApplicationScoped
public class EmailDetails {

    private final ObjectMapper json;

    EmailDetails(ObjectMapper json) {
        this.json = json;
    }

    public String write(Map<String, String> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Plain text values always serialize", e);
        }
    }

    public Map<String, String> read(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable email details", e);
        }
    }
}
