package dev.embargo.policy.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.embargo.policy.model.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A program file with any error is refused whole, each error named by field and line. */
class ProgramFilesTest {

    /** A small valid program; each case below breaks one thing in it. */
    private static final String VALID =
            """
            apiVersion: embargo.dev/program/v1
            slug: sample
            name: Sample
            timeZone: Europe/Berlin
            contacts:
              - email: security@sample.example
            openPgp:
              status: forthcoming
            channels:
              - type: web
            policy:
              scope:
                inScope:
                  - id: memory-safety
                    title: Memory safety
              severity:
                basis: cvss
                levels:
                  - { name: high, minCvss: 7.0 }
                  - { name: low, minCvss: 0.1 }
              deadlines:
                acknowledgement: 2bd
                fixBySeverity:
                  high: 1w
                postMortem: { within: 14d, minSeverity: high }
              calendar:
                holidays: [2026-12-25]
              extensions:
                allowed: true
              disclosure:
                credit: [named]
            """;

    private final ProgramFiles files = new ProgramFiles();

    @Test
    void readsAValidProgram() {
        Program program = files.read(VALID, "sample.yaml");
        assertThat(program.slug()).isEqualTo("sample");
        assertThat(program.policy().deadlines().acknowledgement().toString()).isEqualTo("2bd");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    a duration in words                     | 'acknowledgement: 2bd'            | 'acknowledgement: 2 days'          | policy.deadlines.acknowledgement      | 22
                    a missing slug                          | 'slug: sample'                    | 'label: sample'                    | slug                                  |
                    an unknown field                        | 'name: Sample'                    | 'name: Sample\\nowner: me'          | owner                                 |
                    a fix time for an undefined severity    | '  high: 1w'                      | '  urgent: 1w'                     | policy.deadlines.fixBySeverity.urgent | 24
                    a post-mortem severity that is not one  | 'minSeverity: high }'             | 'minSeverity: severe }'            | policy.deadlines.postMortem.minSeverity | 25
                    a time zone that does not exist         | 'timeZone: Europe/Berlin'         | 'timeZone: Europe/Atlantis'        | timeZone                              | 4
                    a holiday that is not a date            | '[2026-12-25]'                    | '[2026-02-30]'                     | policy.calendar.holidays[0]           | 27
                    a contact without an address            | '- email: security@sample.example' | '- email: nobody'                 | contacts[0].email                     | 6
                    a published key without the key        | 'status: forthcoming'             | 'status: published'                | openPgp.fingerprint                   |
                    severity bands out of order             | '{ name: low, minCvss: 0.1 }'     | '{ name: low, minCvss: 8.0 }'      | policy.severity.levels[1].minCvss     | 20
                    an unknown channel type                 | '- type: web'                     | '- type: carrier-pigeon'           | channels[0].type                      | 10
                    another format version                  | 'embargo.dev/program/v1'          | 'embargo.dev/program/v9'           | apiVersion                            | 1
                    an agreement rule without extensions    | 'allowed: true'                   | 'allowed: false\\n    reporterAgreementRequired: true' | policy.extensions.reporterAgreementRequired |
                    a scope class id used twice             | 'title: Memory safety'            | 'title: Memory safety\\n      - id: memory-safety\\n        title: Again' | policy.scope.inScope[1].id |
                    an unknown credit option                | 'credit: [named]'                 | 'credit: [named, fame]'            | policy.disclosure.credit[1]           | 31
                    """)
    void refusesAnInvalidProgramNamingTheField(
            String kind, String original, String broken, String field, Integer line) {
        String text = VALID.replace(original, broken.replace("\\n", "\n"));
        assertThat(text).as("the case must change the sample").isNotEqualTo(VALID);
        InvalidProgramException refusal =
                catchThrowableOfType(
                        InvalidProgramException.class, () -> files.read(text, "sample.yaml"));
        assertThat(refusal).as(kind).isNotNull();
        assertThat(refusal.errors())
                .as(kind)
                .anySatisfy(
                        error -> {
                            assertThat(error.field()).isEqualTo(field);
                            if (line != null) {
                                assertThat(error.line()).isEqualTo(line);
                            }
                        });
    }

    /**
     * Each case puts a control character into a field through a YAML escape; single-line fields
     * refuse them all, multi-line fields all but line feeds and tabs.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    a line feed in the name             | 'name: Sample'         | 'name: "Sample\\nContact: mailto:x@evil.example"' | name             | 3
                    a carriage return in the name       | 'name: Sample'         | 'name: "Sample\\rContact: x"'   | name                        | 3
                    a tab in the name                   | 'name: Sample'         | 'name: "Sample\\tTeam"'         | name                        | 3
                    a line separator in the name        | 'name: Sample'         | 'name: "Sample\\u2028Team"'     | name                        | 3
                    a paragraph separator in the name   | 'name: Sample'         | 'name: "Sample\\u2029Team"'     | name                        | 3
                    a C0 control in the name            | 'name: Sample'         | 'name: "Sample\\x01"'           | name                        | 3
                    DEL in the name                     | 'name: Sample'         | 'name: "Sample\\x7f"'           | name                        | 3
                    a C1 next line in the name          | 'name: Sample'         | 'name: "Sample\\x85Team"'       | name                        | 3
                    a line feed ending the slug         | 'slug: sample'         | 'slug: "sample\\n"'             | slug                        | 2
                    a line feed ending a contact email  | '- email: security@sample.example' | '- email: "security@sample.example\\n"' | contacts[0].email | 6
                    a line separator in a contact name  | '- email: security@sample.example' | '- { email: a@sample.example, name: "PSIRT\\u2028Bcc: x" }' | contacts[0].name | 6
                    a CR LF in a channel URL            | '- type: web'          | '- { type: web, url: "https://sample.example/\\r\\nContact: x" }' | channels[0].url | 10
                    a C1 control in a scope title       | 'title: Memory safety' | 'title: "Memory\\x9bsafety"'    | policy.scope.inScope[0].title | 15
                    a tab in a severity name            | '{ name: low, minCvss: 0.1 }' | '{ name: "low\\t", minCvss: 0.1 }' | policy.severity.levels[1].name | 20
                    a CR LF in a channel note           | '- type: web'          | '- { type: web, note: "Line\\r\\nLine" }' | channels[0].note         | 10
                    a bell in a severity description    | '{ name: low, minCvss: 0.1 }' | '{ name: low, minCvss: 0.1, description: "Ring\\a" }' | policy.severity.levels[1].description | 20
                    """)
    void refusesControlCharactersInTextNamingTheFieldAndLine(
            String kind, String original, String broken, String field, int line) {
        String text = VALID.replace(original, broken);
        assertThat(text).as("the case must change the sample").isNotEqualTo(VALID);
        InvalidProgramException refusal =
                catchThrowableOfType(
                        InvalidProgramException.class, () -> files.read(text, "sample.yaml"));
        assertThat(refusal).as(kind).isNotNull();
        assertThat(refusal.errors())
                .as(kind)
                .anySatisfy(
                        error -> {
                            assertThat(error.field()).isEqualTo(field);
                            assertThat(error.line()).isEqualTo(line);
                            assertThat(error.message()).contains("control character");
                        });
    }

    @Test
    void multiLineFieldsKeepTheirLineFeedsAndTabs() {
        String text =
                VALID.replace(
                        "name: Sample",
                        "name: Sample\n" + "description: |\n  First line.\n  \tSecond line.\n");
        assertThat(files.read(text, "sample.yaml").description())
                .isEqualTo("First line.\n\tSecond line.\n");
    }

    @Test
    void aPublishedRevisionAdmittedBeforeTheTextRulesStillLoads() {
        String document = VALID.replace("name: Sample", "name: \"Sample\\r\\nContact: x\"");
        assertThatThrownBy(() -> files.read(document, "sample.yaml"))
                .isInstanceOf(InvalidProgramException.class);
        assertThat(files.readPublished(document, "sample@1").name())
                .isEqualTo("Sample\r\nContact: x");
    }

    @Test
    void singleLineTextHasNoLineBreakLeft() {
        assertThat(ProgramText.singleLine("a\r\nb\rc\nd\u2028e\u0085f\tg\u0000h"))
                .isEqualTo("a b c d e f g h");
    }

    @Test
    void refusesYamlThatDoesNotParseWithItsLine() {
        InvalidProgramException refusal =
                catchThrowableOfType(
                        InvalidProgramException.class,
                        () ->
                                files.read(
                                        VALID.replace("name: Sample", "name: [Sample"),
                                        "sample.yaml"));
        assertThat(refusal.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.line()).isNotNull());
        assertThat(refusal)
                .hasMessageContaining("sample.yaml")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void reportsEveryErrorAtOnce() {
        String text =
                VALID.replace("timeZone: Europe/Berlin", "timeZone: 42")
                        .replace("acknowledgement: 2bd", "acknowledgement: soon");
        assertThat(
                        catchThrowableOfType(
                                        InvalidProgramException.class,
                                        () -> files.read(text, "sample.yaml"))
                                .errors())
                .extracting(PolicyError::field)
                .contains("timeZone", "policy.deadlines.acknowledgement");
    }

    /** What triage publishes and intake reads back: version 1 files travel as version 2 JSON. */
    @Test
    void everySeedWrittenAsJsonReadsBackAsTheSameProgram() {
        for (Program seed : files.readDirectory(Path.of("../deploy/programs"))) {
            String document = files.toJson(seed);
            assertThat(document).contains("\"apiVersion\":\"embargo.dev/program/v2\"");
            assertThat(files.readPublished(document, seed.slug() + "@1")).isEqualTo(seed);
        }
    }

    @Test
    void aVersionOneKeyBecomesTheFirstKeyAndTravelsAsJson() {
        Program program =
                files.read(
                        VALID.replace(
                                "status: forthcoming",
                                "status: published\n  fingerprint: "
                                        + "AB12".repeat(10)
                                        + "\n"
                                        + "  armoredKey: \"-----BEGIN PGP PUBLIC KEY BLOCK-----\""),
                        "sample.yaml");
        assertThat(program.openPgp().keys())
                .singleElement()
                .satisfies(key -> assertThat(key.fingerprint()).isEqualTo("AB12".repeat(10)));
        assertThat(program.openPgp().armoredKey()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK");
        assertThat(files.readPublished(files.toJson(program), "sample@1")).isEqualTo(program);
    }

    @Test
    void refusesTwoProgramsWithOneSlug(@org.junit.jupiter.api.io.TempDir Path directory)
            throws IOException {
        Files.writeString(directory.resolve("a.yaml"), VALID);
        Files.writeString(directory.resolve("b.yaml"), VALID);
        assertThatThrownBy(() -> files.readDirectory(directory))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("already the slug of a.yaml");
    }
}
