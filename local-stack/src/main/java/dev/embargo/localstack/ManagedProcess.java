package dev.embargo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A long-running child process the stack owns: started in its own session (so it outlives a
 * detached launcher and a closed terminal), its output in {@code logs/<name>.log}, its pid in
 * {@code run/<name>.pid}, so that a later {@code ./embargo down} or {@code status} finds it.
 */
final class ManagedProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final StackSettings settings;

    ManagedProcess(String name, StackSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return settings.logDir().resolve(name + ".log");
    }

    private Path pidFile() {
        return settings.runDir().resolve(name + ".pid");
    }

    /** Starts the command unless this process already runs. */
    void start(List<String> command, Map<String, String> environment, Path workingDirectory) {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(settings.logDir());
            Files.createDirectories(settings.runDir());
            Files.createDirectories(workingDirectory);
            ProcessBuilder builder = new ProcessBuilder(withOwnSession(command))
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile(), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new StackException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The running process, if its pid file names a live one. Stale pid files are removed. */
    Optional<ProcessHandle> handle() {
        try {
            if (!Files.exists(pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (handle.isEmpty()) {
                Files.deleteIfExists(pidFile());
            }
            return handle;
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean isRunning() {
        return handle().isPresent();
    }

    /** SIGTERM, then SIGKILL for whatever of the process tree is left after the grace period. */
    void stop() {
        handle().ifPresent(process -> {
            List<ProcessHandle> tree = treeOf(process);
            process.destroy();
            awaitExit(tree, STOP_GRACE);
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(5));
        });
        deletePidFile();
    }

    /** SIGKILL at once, the whole tree: the process gets no chance to finish anything. */
    void kill() {
        handle().ifPresent(process -> {
            List<ProcessHandle> tree = treeOf(process);
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(10));
        });
        deletePidFile();
    }

    /** The last lines of the log, for error messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile());
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile() + ")";
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new StackException("Cannot delete " + pidFile(), e);
        }
    }

    private static List<ProcessHandle> treeOf(ProcessHandle process) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process), process.descendants()).toList();
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
        }
    }

    /** {@code setsid} keeps Ctrl-C and hang-ups of the launcher's terminal away from the child. */
    private static List<String> withOwnSession(List<String> command) {
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of("/usr/bin/setsid"), command.stream()).toList();
        }
        return command;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }
}
