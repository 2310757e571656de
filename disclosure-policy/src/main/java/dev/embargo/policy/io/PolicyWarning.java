package dev.embargo.policy.io;

/**
 * Something a program file states that loads but probably does not say what its authors meant, such
 * as a pre-release embargo with no disclosure step to end it. Never refuses a program.
 *
 * @param field the field's path, as in {@link PolicyError}
 * @param line its line in the file (1-based), or null when not read from a file
 */
public record PolicyWarning(String field, Integer line, String message) {

    @Override
    public String toString() {
        return new PolicyError(field, line, message).toString();
    }
}
