package dev.embargo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.policy.deadline.CaseFacts;
import dev.embargo.policy.deadline.Deadline;
import dev.embargo.policy.deadline.DeadlineEngine;
import dev.embargo.policy.deadline.Step;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The program written in this module's README, as a new team would write theirs, loads and sets its
 * deadlines.
 */
class DocumentedExampleTest {

    @Test
    void theReadmesExampleProgramLoadsAndSetsItsDeadlines() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher example = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(example.find()).as("README.md has a yaml example").isTrue();

        Program program = new ProgramFiles().read(example.group(1), "README.md example");

        assertThat(program.slug()).isEqualTo("acme-router");
        assertThat(
                        new DeadlineEngine()
                                .timeline(
                                        program,
                                        CaseFacts.arrivedAt(Instant.parse("2026-11-27T17:00:00Z"))))
                .extracting(Deadline::step, Deadline::due)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                Step.ACKNOWLEDGEMENT, Instant.parse("2026-12-01T17:00:00Z")));
    }
}
