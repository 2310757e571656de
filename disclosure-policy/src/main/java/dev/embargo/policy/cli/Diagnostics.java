package dev.embargo.policy.cli;

import dev.embargo.policy.io.ProgramCheck;
import dev.embargo.policy.io.ProgramFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Prints findings as compilers and linters do, {@code FILE:LINE: error: FIELD: MESSAGE}, one a
 * line, so that editors jump to them and CI systems annotate the file.
 */
final class Diagnostics {

    private final PrintStream out;
    private int errors;
    private int warnings;

    Diagnostics(PrintStream out) {
        this.out = out;
    }

    void error(String file, Integer line, String field, String message) {
        errors++;
        print(file, line, "error", field, message);
    }

    void warning(String file, Integer line, String field, String message) {
        warnings++;
        print(file, line, "warning", field, message);
    }

    /**
     * Reads and checks one program file, printing its errors and warnings; empty when it cannot be
     * read (also printed).
     */
    Optional<ProgramCheck> check(ProgramFiles files, String file) {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (IOException | InvalidPathException e) {
            error(file, null, "", "cannot read it: " + reason(e));
            return Optional.empty();
        }
        ProgramCheck check = files.check(text);
        check.errors().forEach(error -> error(file, error.line(), error.field(), error.message()));
        check.warnings()
                .forEach(
                        warning ->
                                warning(file, warning.line(), warning.field(), warning.message()));
        return Optional.of(check);
    }

    int errors() {
        return errors;
    }

    int warnings() {
        return warnings;
    }

    private static String reason(Exception e) {
        return e instanceof NoSuchFileException
                ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
    }

    private void print(String file, Integer line, String kind, String field, String message) {
        out.println(
                file
                        + (line == null ? "" : ":" + line)
                        + ": "
                        + kind
                        + ": "
                        + (field == null || field.isEmpty() ? "" : field + ": ")
                        + message);
    }
}
