package dev.embargo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.ReadmeExamples;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.localstack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The README's curl examples work as the README shows them, on the test stack's ports. */
@ExtendWith(EmbargoStack.class)
class ReadmeExamplesIT {

    private static final long SCRIPT_MINUTES = 3;
    private static final int TAIL_CHARACTERS = 4000;

    /**
     * Every port of the stack, so that any address the README names can be moved to the test
     * stack's.
     */
    private static final List<ToIntFunction<StackSettings>> PORTS =
            List.of(
                    StackSettings::intakePort,
                    StackSettings::triagePort,
                    StackSettings::notifyPort,
                    StackSettings::advisoryPort,
                    StackSettings::keycloakPort,
                    StackSettings::keycloakManagementPort,
                    StackSettings::kafkaPort,
                    StackSettings::kafkaControllerPort,
                    StackSettings::postgresPort,
                    StackSettings::smtpPort,
                    StackSettings::imapPort,
                    StackSettings::mailApiPort);

    @Test
    void everyCurlExampleOfTheReadmeAnswersWithTheStatusItShows(
            RunningStack stack, @TempDir Path workingDirectory)
            throws IOException, InterruptedException {
        StackSettings running = stack.launcher().settings();
        ReadmeExamples examples =
                ReadmeExamples.of(Files.readAllLines(running.repository().resolve("README.md")));
        assertThat(examples.curlCommands())
                .as("curl commands in README.md's sh blocks")
                .isGreaterThan(5);
        Path script =
                Files.writeString(
                        workingDirectory.resolve("readme-examples.sh"),
                        examples.script(testPorts(running)));

        Path output = workingDirectory.resolve("output.txt");
        Process bash =
                new ProcessBuilder("bash", script.toString())
                        .directory(workingDirectory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
        boolean finished = bash.waitFor(SCRIPT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            bash.destroyForcibly().waitFor();
        }
        String printed = Files.readString(output);
        System.out.println(printed);

        assertThat(finished)
                .as(
                        "the examples finished within %d minutes; they printed:%n%s",
                        SCRIPT_MINUTES, tail(printed))
                .isTrue();
        assertThat(bash.exitValue())
                .as("exit status of the examples; they printed:%n%s", tail(printed))
                .isZero();
        assertThat(printed).doesNotContain(ReadmeExamples.FAILURE_MARK);
    }

    /**
     * The end of what the examples printed: the README's line of the last block that ran, and what
     * failed.
     */
    private static String tail(String printed) {
        String lastBlock =
                printed.substring(Math.max(0, printed.lastIndexOf(ReadmeExamples.BLOCK_MARK)));
        if (lastBlock.length() <= TAIL_CHARACTERS) {
            return lastBlock;
        }
        return lastBlock.lines().findFirst().orElseThrow()
                + "\n…\n"
                + lastBlock.substring(lastBlock.length() - TAIL_CHARACTERS);
    }

    /** The documented (default) ports, each mapped to the running stack's. */
    private static Map<Integer, Integer> testPorts(StackSettings running) {
        StackSettings documented = StackSettings.defaults(running.repository());
        return PORTS.stream()
                .collect(
                        Collectors.toMap(
                                port -> port.applyAsInt(documented),
                                port -> port.applyAsInt(running)));
    }
}
