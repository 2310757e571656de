package dev.embargo.contracts;

/**
 * An event that breaks its contract: unknown version, malformed JSON, or a payload its schema
 * rejects. Consumers send such a poison message to the dead-letter topic instead of retrying it.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
