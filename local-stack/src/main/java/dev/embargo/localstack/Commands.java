package dev.embargo.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Short-lived helper commands (initdb, psql, pg_ctl, kc.sh build, Maven), run to completion. */
final class Commands {

    private Commands() {}

    /** Runs the command and returns its output; fails with the output when it exits non-zero. */
    static String run(List<String> command, Path workingDirectory, long timeoutSeconds) {
        Result result = tryRun(command, workingDirectory, timeoutSeconds);
        if (result.exitCode() != 0) {
            throw new StackException(
                    "'"
                            + shortForm(command)
                            + "' failed (exit "
                            + result.exitCode()
                            + "):\n"
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
                throw new StackException(
                        "'" + shortForm(command) + "' took longer than " + timeoutSeconds + " s");
            }
            return new Result(
                    process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new StackException(
                    "Cannot run '" + shortForm(command) + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while running " + command.getFirst(), e);
        }
    }

    /**
     * Runs the command with its output appended to {@code logFile}; fails with the log's tail. For
     * commands that leave a daemon behind (pg_ctl start): the daemon inherits the open log file, so
     * no pipe stays open, and the file is opened by the launcher, whichever user the daemon runs
     * as.
     */
    static void runLogged(
            List<String> command,
            Map<String, String> environment,
            Path workingDirectory,
            Path logFile,
            long timeoutSeconds) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(
                    logFile,
                    "--- %s: %s%n".formatted(Instant.now(), shortForm(command)),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .directory(workingDirectory.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                            .redirectInput(
                                    ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StackException(
                        "'"
                                + shortForm(command)
                                + "' took longer than "
                                + timeoutSeconds
                                + " s; the end of "
                                + logFile
                                + ":\n"
                                + tail(logFile, 30));
            }
            if (process.exitValue() != 0) {
                throw new StackException(
                        "'"
                                + shortForm(command)
                                + "' failed (exit "
                                + process.exitValue()
                                + "); the end of "
                                + logFile
                                + ":\n"
                                + tail(logFile, 30));
            }
        } catch (IOException e) {
            throw new StackException(
                    "Cannot run '" + shortForm(command) + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while running " + command.getFirst(), e);
        }
    }

    /** The last lines of a file, for error messages. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(
                    System.lineSeparator(),
                    all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    /** The command without long arguments (class paths), for messages. */
    static String shortForm(List<String> command) {
        return command.stream()
                .map(argument -> argument.length() > 120 ? "…" : argument)
                .collect(Collectors.joining(" "));
    }

    /**
     * The JDK running the launcher (21+, as ./embargo checked): the one every Java process of the
     * stack uses.
     */
    static String java() {
        return Path.of(javaHome(), "bin", "java").toString();
    }

    static String javaHome() {
        return System.getProperty("java.home");
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    record Result(int exitCode, String output) {}
}
