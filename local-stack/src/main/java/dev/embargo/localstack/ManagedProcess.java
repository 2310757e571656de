package dev.embargo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A long-running child process the stack owns: started in its own session (so it outlives a
 * detached launcher and a closed terminal), its output appended to {@code logs/<name>.log}, its pid
 * in {@code run/<name>.pid}, so that a later {@code ./embargo down} or {@code status} finds it.
 */
final class ManagedProcess {

    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /**
     * A JVM recording its AOT cache writes it as it exits, which takes a while (more than a minute
     * for Keycloak on a busy two-core machine); killed sooner, it leaves an empty file.
     */
    static final Duration RECORDING_STOP_GRACE = Duration.ofMinutes(3);

    /**
     * A process that started this long after its pid file was written is not ours: the pid was
     * reused.
     */
    private static final Duration PID_FILE_SLACK = Duration.ofSeconds(10);

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

    Path pidFile() {
        return settings.runDir().resolve(name + ".pid");
    }

    /**
     * Starts the command unless this process already runs; the caller's environment plus {@code
     * environment}.
     */
    void start(List<String> command, Map<String, String> environment, Path workingDirectory) {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(settings.logDir());
            Files.createDirectories(settings.runDir());
            Files.createDirectories(workingDirectory);
            Files.writeString(
                    logFile(),
                    "--- %s: %s%n".formatted(Instant.now(), Commands.shortForm(command)),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            ProcessBuilder builder =
                    new ProcessBuilder(inOwnSession(command))
                            .directory(workingDirectory.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                            .redirectInput(
                                    ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile(), process.pid() + System.lineSeparator());
        } catch (IOException e) {
            throw new StackException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The running process its pid file names. A stale pid file (dead or reused pid) is removed. */
    Optional<ProcessHandle> handle() {
        Path pidFile = pidFile();
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Instant written = Files.getLastModifiedTime(pidFile).toInstant();
            Optional<ProcessHandle> handle =
                    ProcessHandle.of(pid)
                            .filter(ProcessHandle::isAlive)
                            .filter(
                                    process ->
                                            startedBefore(process, written.plus(PID_FILE_SLACK)));
            if (handle.isEmpty()) {
                Files.deleteIfExists(pidFile);
            }
            return handle;
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean isRunning() {
        return handle().isPresent();
    }

    /**
     * SIGTERM to the whole process tree, then SIGKILL for whatever of it is left after the grace
     * period.
     */
    void stop() {
        stop(STOP_GRACE);
    }

    void stop(Duration grace) {
        handle().ifPresent(
                        process -> {
                            Set<ProcessHandle> tree = treeOf(process);
                            tree.forEach(ProcessHandle::destroy);
                            awaitExit(tree, grace);
                            tree.stream()
                                    .filter(ProcessHandle::isAlive)
                                    .forEach(ProcessHandle::destroyForcibly);
                            awaitExit(tree, Duration.ofSeconds(5));
                        });
        deletePidFile();
    }

    /** SIGKILL at once, the whole tree: the process gets no chance to finish anything. */
    void kill() {
        handle().ifPresent(
                        process -> {
                            Set<ProcessHandle> tree = treeOf(process);
                            tree.forEach(ProcessHandle::destroyForcibly);
                            awaitExit(tree, Duration.ofSeconds(10));
                        });
        deletePidFile();
    }

    private static boolean startedBefore(ProcessHandle process, Instant limit) {
        return process.info().startInstant().map(started -> started.isBefore(limit)).orElse(true);
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new StackException("Cannot delete " + pidFile(), e);
        }
    }

    private static Set<ProcessHandle> treeOf(ProcessHandle process) {
        Set<ProcessHandle> tree = new HashSet<>();
        tree.add(process);
        process.descendants().forEach(tree::add);
        return tree;
    }

    /**
     * Waits until every process of the tree has exited. Children started meanwhile (kc.sh starts
     * its JVM after a moment) join the tree, so none is left behind when its parent goes.
     */
    private static void awaitExit(Set<ProcessHandle> tree, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            List.copyOf(tree).stream()
                    .filter(ProcessHandle::isAlive)
                    .flatMap(ProcessHandle::descendants)
                    .forEach(tree::add);
            sleep(Duration.ofMillis(100));
        }
    }

    /**
     * {@code setsid} keeps Ctrl-C and hang-ups of the launcher's terminal away from the child. A
     * child of the JVM is no process group leader, so setsid execs in place and the pid stays the
     * child's.
     */
    private static List<String> inOwnSession(List<String> command) {
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            return Stream.concat(Stream.of("/usr/bin/setsid"), command.stream()).toList();
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
