package dev.embargo.policy.io;

/**
 * One thing wrong with a program file or payload.
 *
 * @param field the field's path, e.g. {@code policy.deadlines.acknowledgement} or {@code
 *     contacts[0].email}
 * @param line its line in the file (1-based), or null when not read from a file
 */
public record PolicyError(String field, Integer line, String message) {

    @Override
    public String toString() {
        return (line == null ? "" : "line " + line + ": ")
                + (field.isEmpty() ? "" : field + ": ")
                + message;
    }
}
