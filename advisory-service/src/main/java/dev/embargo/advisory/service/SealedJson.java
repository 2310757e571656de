package dev.embargo.advisory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.kit.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;

/** Advisory content and post-mortems at rest: JSON, sealed with the envelope keys. */
@ApplicationScoped
public class SealedJson {

    private final FieldCipher cipher;
    private final ObjectMapper json;

    SealedJson(FieldCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    public String seal(Object value) {
        return cipher.seal(write(value));
    }

    public <T> T open(String sealed, Class<T> type) {
        try {
            return json.readValue(cipher.open(sealed), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "A sealed " + type.getSimpleName() + " does not read back", e);
        }
    }

    public String sealText(String text) {
        return cipher.seal(text);
    }

    public String openText(String sealed) {
        return cipher.open(sealed);
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Documents always serialize", e);
        }
    }
}
