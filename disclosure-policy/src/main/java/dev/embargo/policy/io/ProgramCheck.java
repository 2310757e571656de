package dev.embargo.policy.io;

import dev.embargo.policy.model.Program;
import java.util.List;

/**
 * What checking a program file found: the program when it loads (null when any error refuses it),
 * every error and every warning, each with its field and line.
 */
public record ProgramCheck(
        Program program, List<PolicyError> errors, List<PolicyWarning> warnings) {

    public ProgramCheck {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
