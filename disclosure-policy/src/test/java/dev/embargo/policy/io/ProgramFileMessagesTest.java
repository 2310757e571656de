package dev.embargo.policy.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loader speaks to the people who write program files: each message names the line they must
 * look at and says what is right, and what loads but changes the policy's meaning is warned about.
 */
class ProgramFileMessagesTest {

    /** A small valid v1 program, line numbers on the right; each case changes one thing. */
    private static final String V1 =
            """
            apiVersion: embargo.dev/program/v1
            slug: sample
            name: Sample
            timeZone: UTC
            contacts:
              - { name: PSIRT, email: security@sample.example }
            openPgp:
              status: forthcoming
            channels:
              - type: web
            policy:
              scope:
                inScope:
                  - { id: memory-safety, title: Memory safety }
              severity:
                basis: named
                levels:
                  - name: high
              deadlines:
                acknowledgement: 2bd
                disclosure: 90d
              disclosure:
                credit: [named]
                partnerGroups:
                  - { id: distros, maxEmbargo: 14d }
            """;

    /** A small valid v2 program: a value may take one of several forms here. */
    private static final String V2 =
            """
            apiVersion: embargo.dev/program/v2
            slug: sample
            name: Sample
            openPgp:
              status: published
              keys:
                - fingerprint: 3B2A 1C4D 5E6F 7A8B 9C0D  1E2F 3A4B 5C6D 7E8F 9A0B
                  url: https://sample.example/key.asc
            channels:
              - type: web
            policy:
              scope:
                inScope:
                  - { id: memory-safety, title: Memory safety }
              deadlines:
                acknowledgement: 2bd
                triage: { within: 5bd, firm: false }
              disclosure:
                partnerGroups:
                  - { id: distros, maxEmbargo: 14d }
            """;

    private final ProgramFiles files = new ProgramFiles();

    @Test
    void theSampleLoadsWithoutErrorOrWarning() {
        ProgramCheck check = files.check(V1);
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).isEmpty();
        assertThat(check.program().slug()).isEqualTo("sample");
    }

    @Test
    void aYamlSyntaxErrorIsOnTheLineTheParserNames() {
        // The tab starts line 4; Jackson's own location is the last token read, on line 3.
        PolicyError error = onlyError(V1.replace("timeZone: UTC", "\ttimeZone: UTC"));
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.message()).startsWith("not valid YAML at column 1:").contains("TAB");
        assertThat(onlyError(V1.replace("timeZone: UTC", "- timeZone: UTC")).line()).isEqualTo(4);
    }

    @Test
    void aYamlSyntaxErrorIsOneLineOfText() {
        assertThat(onlyError(V1.replace("name: Sample", "name: Sample: the library")).message())
                .isEqualTo(
                        "not valid YAML at column 13: mapping values are not allowed here;"
                                + " put a value that holds ': ' in quotes")
                .doesNotContain("\n");
    }

    @Test
    void aKeyWrittenTwiceIsRefusedRatherThanReplaced() {
        PolicyError error = onlyError(V1.replace("name: Sample", "name: Sample\nname: Other"));
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.message()).startsWith("'name' is written twice");
    }

    @Test
    void aBadDurationSaysWhatDurationsLookLikeNotTheRegularExpression() {
        PolicyError error =
                errorAt(
                        V1.replace("disclosure: 90d", "disclosure: soon"),
                        "policy.deadlines.disclosure");
        assertThat(error.line()).isEqualTo(21);
        assertThat(error.message())
                .isEqualTo(
                        "'soon' is not a duration: durations are like 72h, 7d, 5bd, 2w,"
                                + " next-release or best-effort; months are not supported")
                .doesNotContain("^");
    }

    @Test
    void aDurationInMonthsIsExplainedWithTheDaysToWrite() {
        assertThat(
                        errorAt(
                                        V1.replace("disclosure: 90d", "disclosure: 3 months"),
                                        "policy.deadlines.disclosure")
                                .message())
                .startsWith(
                        "'3 months' is not a duration: months are not supported; write days,"
                                + " e.g. 90d");
    }

    @Test
    void aDurationInWordsIsCorrectedToItsShortForm() {
        assertThat(
                        errorAt(
                                        V1.replace(
                                                "acknowledgement: 2bd",
                                                "acknowledgement: 2 business days"),
                                        "policy.deadlines.acknowledgement")
                                .message())
                .startsWith("'2 business days' is not a duration: write 2bd (");
    }

    @Test
    void aFingerprintWithSpacesInAV1FileSaysHowToWriteIt() {
        String printed = "3B2A 1C4D 5E6F 7A8B 9C0D  1E2F 3A4B 5C6D 7E8F 9A0B";
        PolicyError error =
                errorAt(
                        V1.replace(
                                "status: forthcoming",
                                "status: forthcoming\n  fingerprint: " + printed),
                        "openPgp.fingerprint");
        assertThat(error.line()).isEqualTo(9);
        assertThat(error.message())
                .contains("3B2A1C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B")
                .contains("apiVersion embargo.dev/program/v2 accepts a fingerprint as printed");
    }

    @Test
    void anUnquotedCommaInBracesIsExplainedNotShownAsAnUnknownHalfWord() {
        PolicyError error = onlyError(V1.replace("name: PSIRT,", "name: ACME, Inc.,"));
        assertThat(error.field()).isEqualTo("contacts[0].Inc.");
        assertThat(error.line()).isEqualTo(6);
        assertThat(error.message())
                .isEqualTo(
                        "'Inc.' is not a field: inside { } a comma ends a value, so put a value"
                                + " that holds a comma in quotes, e.g. name: \"ACME, Inc.\"");
    }

    @Test
    void anUnknownFieldNamesTheFieldMeant() {
        assertThat(onlyError(V1.replace("acknowledgement: 2bd", "acknowledgment: 2bd")).message())
                .startsWith(
                        "'acknowledgment' is not a field of policy.deadlines; did you mean"
                                + " acknowledgement? (its fields: acknowledgement, triage,");
    }

    @Test
    void aMissingDeadlinesPointsAtThePolicyItBelongsTo() {
        String text =
                V1.replace("  deadlines:\n    acknowledgement: 2bd\n    disclosure: 90d\n", "");
        PolicyError error = onlyError(text);
        assertThat(error.field()).isEqualTo("policy.deadlines");
        assertThat(error.line()).as("the line of 'policy:'").isEqualTo(11);
        assertThat(error.message()).isEqualTo("is missing: add deadlines: under policy:");
    }

    @Test
    void aValueOfTheWrongKindSaysWhatKindItMustBe() {
        assertThat(errorAt(V1.replace("timeZone: UTC", "timeZone: 42"), "timeZone").message())
                .isEqualTo("must be text, not a number (put it in quotes)");
    }

    @Test
    void aPreReleaseEmbargoWithNoDisclosureStepIsWarnedAboutNotDropped() {
        ProgramCheck check = files.check(V1.replace("disclosure: 90d", "preReleaseEmbargo: 5d"));
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings())
                .singleElement()
                .satisfies(
                        warning -> {
                            assertThat(warning.field())
                                    .isEqualTo("policy.deadlines.preReleaseEmbargo");
                            assertThat(warning.line()).isEqualTo(21);
                            assertThat(warning.message()).startsWith("is ignored:");
                        });
    }

    @Test
    void anExpeditedPreReleaseEmbargoCountsBackFromTheNormalDisclosure() {
        String text =
                V1.replace(
                        "  disclosure:\n    credit",
                        "  expedited:\n"
                                + "    when: [actively-exploited]\n"
                                + "    deadlines: { preReleaseEmbargo: 2d }\n"
                                + "  disclosure:\n"
                                + "    credit");
        assertThat(files.check(text).warnings()).isEmpty();
    }

    @Test
    void aMaximumEmbargoOfBestEffortIsWarnedAbout() {
        ProgramCheck check = files.check(V1.replace("maxEmbargo: 14d", "maxEmbargo: best-effort"));
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings())
                .singleElement()
                .satisfies(
                        warning -> {
                            assertThat(warning.field())
                                    .isEqualTo("policy.disclosure.partnerGroups[0].maxEmbargo");
                            assertThat(warning.line()).isEqualTo(25);
                            assertThat(warning.message())
                                    .startsWith("'best-effort' sets no maximum");
                        });
    }

    @Test
    void aV1FingerprintWithNoKeyStillLoadsWithAWarningWhereTheFileWritesIt() {
        ProgramCheck check =
                files.check(
                        V1.replace(
                                "status: forthcoming",
                                "status: forthcoming\n"
                                    + "  fingerprint: 3B2A1C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B"));
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings())
                .singleElement()
                .satisfies(
                        warning -> {
                            assertThat(warning.field()).isEqualTo("openPgp.fingerprint");
                            assertThat(warning.line()).isEqualTo(9);
                            assertThat(warning.message()).startsWith("a fingerprint with no key");
                        });
    }

    @Test
    void aV2FingerprintWithNoKeyIsRefused() {
        PolicyError error =
                onlyError(V2.replace("      url: https://sample.example/key.asc\n", ""));
        assertThat(error.field()).isEqualTo("openPgp.keys[0]");
        assertThat(error.message()).startsWith("a fingerprint with no key");
    }

    @Test
    void aBadDurationInAV2FileNamesAsapAmongTheForms() {
        assertThat(
                        errorAt(
                                        V2.replace("acknowledgement: 2bd", "acknowledgement: soon"),
                                        "policy.deadlines.acknowledgement")
                                .message())
                .contains("next-release, best-effort or asap; months are not supported");
    }

    @Test
    void aProgramWithWarningsStillLoads() {
        assertThat(
                        files.read(
                                        V1.replace("maxEmbargo: 14d", "maxEmbargo: best-effort"),
                                        "s.yaml")
                                .slug())
                .isEqualTo("sample");
    }

    @Test
    void theV2SampleLoadsWithoutErrorOrWarning() {
        ProgramCheck check = files.check(V2);
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).isEmpty();
    }

    @Test
    void aV2DurationInWordsIsOneErrorSayingHowToWriteIt() {
        PolicyError error =
                onlyError(V2.replace("acknowledgement: 2bd", "acknowledgement: 2 days"));
        assertThat(error.field()).isEqualTo("policy.deadlines.acknowledgement");
        assertThat(error.message()).startsWith("'2 days' is not a duration: write 2d");
    }

    @Test
    void aV2PromiseWithABadDurationPointsAtItsDuration() {
        PolicyError error = onlyError(V2.replace("within: 5bd", "within: 3 months"));
        assertThat(error.field()).isEqualTo("policy.deadlines.triage.within");
        assertThat(error.line()).isEqualTo(17);
        assertThat(error.message())
                .startsWith("'3 months' is not a duration: months are not supported");
    }

    @Test
    void aV2DeadlineOfNeitherFormNamesBothForms() {
        assertThat(onlyError(V2.replace("acknowledgement: 2bd", "acknowledgement: 2")).message())
                .isEqualTo(
                        "must be a duration such as 7d, or a promise such as { within: 7d, firm:"
                                + " false }, not a number");
    }

    @Test
    void aV2MaximumEmbargoOfAsapIsWarnedAbout() {
        assertThat(files.check(V2.replace("maxEmbargo: 14d", "maxEmbargo: asap")).warnings())
                .extracting(PolicyWarning::field)
                .containsExactly("policy.disclosure.partnerGroups[0].maxEmbargo");
    }

    private PolicyError onlyError(String text) {
        List<PolicyError> errors = files.check(text).errors();
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }

    private PolicyError errorAt(String text, String field) {
        return files.check(text).errors().stream()
                .filter(error -> error.field().equals(field))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no error at "
                                                + field
                                                + " in "
                                                + files.check(text).errors()));
    }
}
