package dev.embargo.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short-lived helper commands (initdb, psql, Maven), run to completion. */
final class Commands {

    private Commands() {
    }

    /** Runs the command and returns its output; fails with the output when it exits non-zero. */
    static String run(List<String> command, Path workingDirectory, long timeoutSeconds) {
        Result result = tryRun(command, workingDirectory, timeoutSeconds);
        if (result.exitCode() != 0) {
            throw new StackException("'" + shortForm(command) + "' failed (exit " + result.exitCode() + "):\n"
                    + result.output());
        }
        return result.output();
    }

    static Result tryRun(List<String> command, Path workingDirectory, long timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StackException("'" + shortForm(command) + "' took longer than " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new StackException("Cannot run '" + shortForm(command) + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while running " + command.getFirst(), e);
        }
    }

    /** The command without long arguments (class paths), for messages. */
    static String shortForm(List<String> command) {
        return command.stream().map(argument -> argument.length() > 120 ? "…" : argument)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** The JDK running the launcher (21+, as ./embargo checked): the one every Java process of the stack uses. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    record Result(int exitCode, String output) {
    }
}
