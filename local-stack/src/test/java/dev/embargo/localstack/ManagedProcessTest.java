package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir Path home;

    private ManagedProcess process;

    @BeforeEach
    void createProcess() {
        StackSettings settings =
                StackSettings.from(
                        StackSettings.Lookup.of(
                                Map.of(
                                        "EMBARGO_REPO",
                                        home.toString(),
                                        "EMBARGO_HOME",
                                        home.toString())));
        process = new ManagedProcess("sleeper", settings);
    }

    @AfterEach
    void leaveNothingBehind() {
        process.kill();
    }

    @Test
    void aStartedProcessRunsWithItsPidFileAndWritesToItsLog() throws IOException {
        process.start(
                List.of("/bin/sh", "-c", "echo hello from $GREETING; exec sleep 60"),
                Map.of("GREETING", "the stack"),
                home.resolve("work"));

        assertThat(process.isRunning()).isTrue();
        assertThat(Files.readString(process.pidFile()).strip())
                .isEqualTo(Long.toString(process.handle().orElseThrow().pid()));
        awaitLogLine("hello from the stack");
    }

    @Test
    void stopEndsTheWholeProcessTreeAndRemovesThePidFile() {
        process.start(List.of("/bin/sh", "-c", "sleep 60 & sleep 60 & wait"), Map.of(), home);
        ProcessHandle root = process.handle().orElseThrow();
        awaitChildren(root, 2);
        List<ProcessHandle> tree = root.descendants().toList();

        process.stop();

        assertThat(root.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(process.pidFile()).doesNotExist();
        assertThat(process.isRunning()).isFalse();
    }

    @Test
    void killEndsEvenAProcessThatIgnoresSigterm() {
        process.start(List.of("/bin/sh", "-c", "trap '' TERM; sleep 60 & wait"), Map.of(), home);
        ProcessHandle root = process.handle().orElseThrow();
        awaitChildren(root, 1);

        process.kill();

        assertThat(root.isAlive()).isFalse();
        assertThat(process.isRunning()).isFalse();
    }

    @Test
    void aPidFileOfAProcessThatIsGoneIsCleanedUp() throws IOException {
        Process finished = new ProcessBuilder("true").start();
        ManagedProcess.sleep(Duration.ofMillis(300));
        Files.createDirectories(process.pidFile().getParent());
        Files.writeString(process.pidFile(), Long.toString(finished.pid()));

        assertThat(process.isRunning()).isFalse();
        assertThat(process.pidFile()).doesNotExist();
    }

    @Test
    void aPidFileOlderThanTheProcessItNamesIsNotOursBecauseThePidWasReused() throws IOException {
        Files.createDirectories(process.pidFile().getParent());
        Files.writeString(process.pidFile(), Long.toString(ProcessHandle.current().pid()));
        Instant beforeThisJvm =
                ProcessHandle.current()
                        .info()
                        .startInstant()
                        .orElseThrow()
                        .minus(Duration.ofHours(1));
        Files.setLastModifiedTime(process.pidFile(), FileTime.from(beforeThisJvm));

        assertThat(process.isRunning()).isFalse();
        assertThat(process.pidFile()).doesNotExist();
    }

    @Test
    void startingAProcessThatRunsAlreadyStartsNoSecondOne() {
        process.start(List.of("sleep", "60"), Map.of(), home);
        long first = process.handle().orElseThrow().pid();

        process.start(List.of("sleep", "60"), Map.of(), home);

        assertThat(process.handle().orElseThrow().pid()).isEqualTo(first);
    }

    private void awaitLogLine(String line) throws IOException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!Files.readString(process.logFile()).contains(line)
                && Instant.now().isBefore(deadline)) {
            ManagedProcess.sleep(Duration.ofMillis(50));
        }
        assertThat(Files.readString(process.logFile())).contains(line);
    }

    private static void awaitChildren(ProcessHandle root, int count) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (root.descendants().count() < count && Instant.now().isBefore(deadline)) {
            ManagedProcess.sleep(Duration.ofMillis(50));
        }
        assertThat(root.descendants().count()).isGreaterThanOrEqualTo(count);
    }
}
