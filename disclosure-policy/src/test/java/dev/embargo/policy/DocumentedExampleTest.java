package dev.embargo.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.embargo.policy.deadline.CaseFacts;
import dev.embargo.policy.deadline.Deadline;
import dev.embargo.policy.deadline.DeadlineEngine;
import dev.embargo.policy.deadline.Step;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.Program;
import dev.embargo.policy.model.VersionSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The programs written in this module's README, as a new team would write theirs, load and set
 * their deadlines: the complete example, and each feature's fragment within a minimal program.
 */
class DocumentedExampleTest {

    /** The least a version 2 program holds; each fragment is merged into it. */
    private static final String MINIMAL =
            """
            apiVersion: embargo.dev/program/v2
            slug: fragment
            name: Fragment
            channels: [{ type: web }]
            policy: { deadlines: {} }
            """;

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ProgramFiles FILES = new ProgramFiles();

    /** The README's yaml blocks by the heading they are under. */
    private static Map<String, String> examples;

    @BeforeAll
    static void readTheExamples() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block =
                Pattern.compile(
                                "^(#+ [^\\n]*)$|```yaml\\n(.*?)```",
                                Pattern.DOTALL | Pattern.MULTILINE)
                        .matcher(readme);
        examples = new LinkedHashMap<>();
        String heading = "";
        while (block.find()) {
            if (block.group(1) != null) {
                heading = block.group(1);
            } else {
                examples.merge(heading, block.group(2), (first, second) -> first);
            }
        }
    }

    @Test
    void theReadmesExampleProgramLoadsAndSetsItsDeadlines() {
        String complete = examples.values().iterator().next();
        Program program = FILES.read(complete, "README.md example");

        assertThat(program.slug()).isEqualTo("acme-router");
        assertThat(
                        new DeadlineEngine()
                                .timeline(
                                        program,
                                        CaseFacts.arrivedAt(Instant.parse("2026-11-27T17:00:00Z"))))
                .extracting(Deadline::step, Deadline::due)
                .contains(tuple(Step.ACKNOWLEDGEMENT, Instant.parse("2026-12-01T17:00:00Z")));
    }

    @Test
    void everyFeatureExampleLoadsWithinAMinimalProgramAndTravelsAsJson() throws IOException {
        assertThat(examples.keySet())
                .as("one example per feature of the format; feature 8 reads feature 7's")
                .filteredOn(heading -> heading.matches("### \\d+\\. .*"))
                .hasSize(17);
        for (String heading : examples.keySet()) {
            Program program = fragment(heading);
            assertThat(FILES.readPublished(FILES.toJson(program), heading))
                    .as("%s, as events carry it", heading)
                    .isEqualTo(program);
        }
    }

    @Test
    void theRuleExampleClassifiesRealVersionNumbers() throws IOException {
        Program program = fragment("### 13. Supported versions by rule");
        LocalDate today = LocalDate.parse("2026-12-07");
        assertThat(VersionSupport.of(program, "2.3.4", today)).isEqualTo(VersionSupport.SUPPORTED);
        assertThat(VersionSupport.of(program, "2.2.9", today)).isEqualTo(VersionSupport.SUPPORTED);
        assertThat(VersionSupport.of(program, "2.2.9", LocalDate.parse("2027-07-01")))
                .isEqualTo(VersionSupport.UNSUPPORTED);
        assertThat(VersionSupport.of(program, "2.1.0", today))
                .isEqualTo(VersionSupport.UNSUPPORTED);
    }

    @Test
    void theNoticesExampleSetsTwoNoticesAndAPreAnnouncement() throws IOException {
        Program program =
                fragment("### 9. Several pre-release notices, minimums and a pre-announcement");
        assertThat(
                        new DeadlineEngine()
                                .timeline(
                                        program,
                                        CaseFacts.arrivedAt(Instant.parse("2026-11-23T12:00:00Z"))))
                .extracting(Deadline::step)
                .containsSequence(
                        Step.PARTNER_NOTICE,
                        Step.PARTNER_NOTICE,
                        Step.PRE_ANNOUNCEMENT,
                        Step.DISCLOSURE);
    }

    /** The example under this heading merged into the minimal program, loaded. */
    private static Program fragment(String heading) throws IOException {
        String example = examples.get(heading);
        assertThat(example).as(heading).isNotNull();
        ObjectNode program = (ObjectNode) YAML.readTree(MINIMAL);
        merge(program, YAML.readTree(example));
        return FILES.read(YAML.writeValueAsString(program), heading);
    }

    private static void merge(ObjectNode into, JsonNode from) {
        from.properties()
                .forEach(
                        field -> {
                            if (into.get(field.getKey()) instanceof ObjectNode inner
                                    && field.getValue().isObject()) {
                                merge(inner, field.getValue());
                            } else {
                                into.set(field.getKey(), field.getValue());
                            }
                        });
    }
}
