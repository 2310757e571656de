package dev.embargo.policy.io;

import java.util.List;
import java.util.stream.Collectors;

/** A program refused as a whole, with every error found, so that nothing is half-applied. */
public class InvalidProgramException extends RuntimeException {

    private final transient List<PolicyError> errors;

    public InvalidProgramException(String source, List<PolicyError> errors) {
        super(
                source
                        + " is not a valid program:\n  "
                        + errors.stream()
                                .map(PolicyError::toString)
                                .collect(Collectors.joining("\n  ")));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
