package dev.embargo.policy.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.policy.deadline.Anchor;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.policy.model.Program;
import dev.embargo.policy.model.Promise;
import dev.embargo.policy.model.VersionSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Version 2 program files: what they may leave unsaid, and the rules across their fields. */
class ProgramV2FilesTest {

    /** A valid version 2 program stating no time zone, severity or credit; cases break it. */
    private static final String VALID =
            """
            apiVersion: embargo.dev/program/v2
            slug: sample
            name: Sample
            contacts:
              - name: Security team
                url: https://sample.example/security
            openPgp:
              status: published
              keys:
                - fingerprint: "abcd 1234 abcd 1234 abcd  1234 abcd 1234 abcd 1234"
                  keyserver: keys.openpgp.org
            channels:
              - type: hackerone
                url: https://hackerone.com/sample
            releases:
              - { version: 2.1.0, date: 2026-10-01 }
            policy:
              supportedVersions:
                - { rule: latest-minor-series, count: 2 }
              tracks:
                - { id: public, title: Public, release: fixed-in-public, embargo: false }
                - { id: private, title: Private, release: next-scheduled-release, embargo: true }
              deadlines:
                triage: { atLeast: 3d, within: 7d, firm: false }
                fixByTrack: { private: 90d }
                disclosure: { within: 7d, anchor: fix-released }
                minimumEmbargo: 14d
              disclosure:
                partnerGroups:
                  - id: distros
                    notices: [{ before: 7d, atLeast: true }, { before: 24h }]
            """;

    private final ProgramFiles files = new ProgramFiles();

    @Test
    void aProgramMayLeaveTimeZoneSeverityAndCreditUnstated() {
        Program program = files.read(VALID, "sample.yaml");
        assertThat(program.timeZone()).isNull();
        assertThat(program.policy().severity()).isNull();
        assertThat(program.policy().disclosure().credit()).isNull();
        assertThat(program.policy().extensions()).isNull();
        assertThat(program.contacts())
                .singleElement()
                .satisfies(c -> assertThat(c.email()).isNull());
    }

    @Test
    void ruleRowsWithoutReleasesLoadWithAWarningAndClassifyVersionsAsUnknown() {
        String text = VALID.replace("  - { version: 2.1.0, date: 2026-10-01 }", "  []");
        ProgramCheck check = files.check(text);
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings())
                .singleElement()
                .satisfies(
                        warning -> {
                            assertThat(warning.field())
                                    .isEqualTo("policy.supportedVersions[0].rule");
                            assertThat(warning.message()).contains("release list");
                        });
        assertThat(VersionSupport.of(check.program(), "2.1.0", LocalDate.of(2026, 12, 7)))
                .isEqualTo(VersionSupport.UNKNOWN);
    }

    @Test
    void aKeyMayBeGivenByItsLongIdWithWhatItIsFor() {
        Program program =
                files.read(
                        VALID.replace(
                                "- fingerprint: \"abcd 1234 abcd 1234 abcd  1234 abcd 1234 abcd"
                                        + " 1234\"",
                                "- keyId: 0x7ea8 a1b2 c3d4 e5f6\n      use: [sign]"),
                        "sample.yaml");
        Program.Key key = program.openPgp().keys().getFirst();
        assertThat(key.keyId()).isEqualTo("7EA8A1B2C3D4E5F6");
        assertThat(key.fingerprint()).isNull();
        assertThat(program.openPgp().encryptionKeys()).isEmpty();
    }

    @Test
    void aKeyNamesItsFingerprintOrItsIdNotBothNorNeither() {
        String both =
                VALID.replace(
                        "keyserver: keys.openpgp.org",
                        "keyserver: keys.openpgp.org\n      keyId: 7EA8A1B2C3D4E5F6");
        String neither =
                VALID.replace(
                        "- fingerprint: \"abcd 1234 abcd 1234 abcd  1234 abcd 1234 abcd 1234\"",
                        "- uid: Sample");
        for (String text : List.of(both, neither)) {
            assertThat(files.check(text).errors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.message()).contains("keyId: one of"));
        }
    }

    @Test
    void aContactThatTakesNoReportsIsNotAReportContact() {
        Program program =
                files.read(
                        VALID.replace(
                                "    url: https://sample.example/security\n",
                                "    url: https://sample.example/security\n"
                                        + "  - { name: Press, email: press@sample.example,"
                                        + " reports: false }\n"),
                        "sample.yaml");
        assertThat(program.contacts()).hasSize(2);
        assertThat(program.reportContacts())
                .extracting(Program.Contact::name)
                .containsExactly("Security team");
    }

    @Test
    void aClassReportedElsewhereMayNameNoAddress() {
        Program program =
                files.read(
                        VALID.replace(
                                "  supportedVersions:",
                                "  scope:\n    elsewhere:\n"
                                        + "      - { id: deps, title: Dependencies }\n"
                                        + "  supportedVersions:"),
                        "sample.yaml");
        assertThat(program.policy().scope().elsewhere().getFirst().reportTo()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    a partner group's level that does not exist | '- id: distros' | '- id: distros\n        minSeverity: high' | policy.disclosure.partnerGroups[0].minSeverity | severity levels
                    a pre-announcement for a track that does not exist | 'minimumEmbargo: 14d' | 'preAnnouncementByTrack: { urgent: 7d }' | policy.deadlines.preAnnouncementByTrack.urgent | tracks
                    a pre-announcement of a track with an anchor | 'minimumEmbargo: 14d' | 'preAnnouncementByTrack: { private: { within: 7d, anchor: triage } }' | policy.deadlines.preAnnouncementByTrack.private.anchor | no anchor
                    a maximum extension of best effort | '  disclosure:\n    partnerGroups' | '  extensions: { allowed: true, maximum: best-effort }\n  disclosure:\n    partnerGroups' | policy.extensions.maximum | no time
                    a key id one digit short | 'fingerprint: "abcd 1234 abcd 1234 abcd  1234 abcd 1234 abcd 1234"' | 'keyId: 7EA8A1B2C3D4E5F' | openPgp.keys[0].keyId | 16 hex digits
                    """)
    void refusesWhatTheNewFieldsCannotMean(
            String kind, String original, String broken, String field, String message) {
        refusesAProgramThatBreaksARuleNamingTheField(kind, original, broken, field, message);
    }

    @Test
    void creditNotStatedDiffersFromNoCredit() {
        Program program =
                files.read(
                        VALID.replace("  disclosure:\n", "  disclosure:\n    credit: []\n"),
                        "sample.yaml");
        assertThat(program.policy().disclosure().credit()).isEmpty();
    }

    @Test
    void aLegalDisclaimerKeepsItsLinesAndOneNotStatedIsNone() {
        Program program =
                files.read(
                        VALID.replace(
                                "  disclosure:\n",
                                "  disclosure:\n"
                                        + "    legalDisclaimer: |\n"
                                        + "      Provided as is, without warranty.\n"
                                        + "      Use at your own risk.\n"),
                        "sample.yaml");

        assertThat(program.policy().disclosure().legalDisclaimer())
                .isEqualTo("Provided as is, without warranty.\nUse at your own risk.\n");
        assertThat(files.readPublished(files.toJson(program), "sample@1")).isEqualTo(program);
        assertThat(files.read(VALID, "sample.yaml").policy().disclosure().legalDisclaimer())
                .isNull();
    }

    @Test
    void advisoryNotesKeepTheirCategoryTitleAndLines() {
        Program program =
                files.read(
                        VALID.replace(
                                "  disclosure:\n",
                                "  disclosure:\n"
                                        + "    advisoryNotes:\n"
                                        + "      - category: faq\n"
                                        + "        title: Questions\n"
                                        + "        text: |\n"
                                        + "          Write to security@sample.example.\n"
                                        + "          We answer within a day.\n"),
                        "sample.yaml");

        assertThat(program.policy().disclosure().advisoryNotes())
                .containsExactly(
                        new DisclosurePolicy.AdvisoryNote(
                                "faq",
                                "Questions",
                                "Write to security@sample.example.\nWe answer within a day.\n"));
        assertThat(files.readPublished(files.toJson(program), "sample@1")).isEqualTo(program);
        assertThat(files.read(VALID, "sample.yaml").policy().disclosure().advisoryNotes())
                .isEmpty();
    }

    @Test
    void anAdvisoryNoteOfACategoryCsafDoesNotKnowIsRefusedNamingTheCategories() {
        String program =
                VALID.replace(
                        "  disclosure:\n",
                        "  disclosure:\n"
                            + "    advisoryNotes:\n"
                            + "      - { category: legal_disclaimer, title: Terms, text: As is. }\n"
                            + "      - { category: remarks, title: Remarks, text: None. }\n");

        assertThat(files.check(program).errors())
                .extracting(PolicyError::field, PolicyError::message)
                .containsExactlyInAnyOrder(
                        tuple(
                                "policy.disclosure.advisoryNotes[0].category",
                                "'legal_disclaimer' is not one of description, details, faq,"
                                        + " general, other, summary"),
                        tuple(
                                "policy.disclosure.advisoryNotes[1].category",
                                "'remarks' is not one of description, details, faq, general,"
                                        + " other, summary"));
    }

    @Test
    void anAdvisoryNotesTitleStaysOnOneLine() {
        String program =
                VALID.replace(
                        "  disclosure:\n",
                        "  disclosure:\n"
                                + "    advisoryNotes:\n"
                                + "      - { category: general, title: \"A\\n"
                                + "B\", text: \"C\\n"
                                + "D\" }\n");

        assertThat(files.check(program).errors())
                .extracting(PolicyError::field)
                .containsExactly("policy.disclosure.advisoryNotes[0].title");
    }

    @Test
    void aFingerprintIsReadAsPrintedAndKeptAsUpperCaseHex() {
        assertThat(files.read(VALID, "sample.yaml").openPgp().keys())
                .singleElement()
                .satisfies(key -> assertThat(key.fingerprint()).isEqualTo("ABCD1234".repeat(5)));
    }

    @Test
    void aPromiseObjectKeepsWhatItStates() {
        Program program = files.read(VALID, "sample.yaml");
        assertThat(program.policy().deadlines().triage())
                .isEqualTo(
                        new Promise(
                                PolicyDuration.parse("7d"),
                                PolicyDuration.parse("3d"),
                                false,
                                Anchor.ARRIVAL,
                                null));
        assertThat(program.policy().deadlines().disclosure().anchor())
                .isEqualTo(Anchor.FIX_RELEASED);
        assertThat(program.policy().deadlines().fixByTrack().get("private").plain()).isTrue();
    }

    @Test
    void aVersionTwoProgramTravelsAsJsonAndReadsBackTheSame() {
        Program program = files.read(VALID, "sample.yaml");
        assertThat(files.readPublished(files.toJson(program), "sample@1")).isEqualTo(program);
    }

    @Test
    void anUnknownFormatVersionNamesTheVersionsThatAreRead() {
        InvalidProgramException refusal =
                catchThrowableOfType(
                        InvalidProgramException.class,
                        () -> files.read(VALID.replace("program/v2", "program/v3"), "sample.yaml"));
        assertThat(refusal.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.line()).isEqualTo(1))
                .satisfies(
                        error ->
                                assertThat(error.message())
                                        .contains("embargo.dev/program/v1")
                                        .contains("embargo.dev/program/v2"));
    }

    /** Editors show these descriptions; a field without one is a field nobody explains. */
    @Test
    void everyFieldOfTheSchemaIsDescribed() throws java.io.IOException {
        JsonNode schema;
        try (var in = getClass().getClassLoader().getResourceAsStream(FormatVersion.V2.schema())) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schema, "$", undescribed);
        assertThat(undescribed).isEmpty();
    }

    private static void collectUndescribed(JsonNode node, String path, List<String> undescribed) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path + "." + field.getKey();
                if ((field.getKey().equals("properties") || field.getKey().equals("$defs"))
                        && field.getValue().isObject()) {
                    field.getValue()
                            .properties()
                            .forEach(
                                    property -> {
                                        if (!property.getValue().has("description")
                                                && !property.getKey().equals("durationPattern")) {
                                            undescribed.add(at + "." + property.getKey());
                                        }
                                    });
                }
                collectUndescribed(field.getValue(), at, undescribed);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectUndescribed(item, path, undescribed));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    a fix time for a track that does not exist | 'fixByTrack: { private: 90d }'  | 'fixByTrack: { nightly: 90d }'       | policy.deadlines.fixByTrack.nightly   | not one of the policy.tracks
                    a fix time by severity without a scale     | 'fixByTrack: { private: 90d }'  | 'fixBySeverity: { high: 90d }'       | policy.deadlines.fixBySeverity.high   | needs policy.severity
                    a third-party channel without its link     | '    url: https://hackerone.com/sample' | '    note: ask us'        | channels[0].url                       | url
                    a fingerprint with no key                  | '      keyserver: keys.openpgp.org' | '      uid: Sample'           | openPgp.keys[0]                       | no key
                    a fingerprint one digit short              | 'abcd 1234\"'                   | 'abcd 123\"'                         | openPgp.keys[0].fingerprint           | 40
                    a contact with neither address nor link    | '    url: https://sample.example/security' | '    role: team'        | contacts[0]                           | email or a url
                    a range that runs backwards                | 'atLeast: 3d, within: 7d'       | 'atLeast: 8d, within: 7d'            | policy.deadlines.triage.atLeast       | longer
                    a promise that states no time              | 'atLeast: 3d, within: 7d, firm: false' | 'firm: false'                 | policy.deadlines.triage               | within
                    disclosure counted from itself             | 'anchor: fix-released'          | 'anchor: public-disclosure'          | policy.deadlines.disclosure.anchor    | itself
                    a minimum embargo of best effort           | 'minimumEmbargo: 14d'           | 'minimumEmbargo: best-effort'        | policy.deadlines.minimumEmbargo       | no time
                    a notice at the next release               | '{ before: 24h }'               | '{ before: next-release }'           | policy.disclosure.partnerGroups[0].notices[1].before | no time
                    a rule row that says no fixes              | '{ rule: latest-minor-series, count: 2 }' | '{ rule: lts, securityFixes: false }' | policy.supportedVersions[0].securityFixes | versions row
                    a count for a rule that takes none         | '{ rule: latest-minor-series, count: 2 }' | '{ rule: lts, count: 2 }' | policy.supportedVersions[0].count     | count
                    a release date that does not exist         | 'date: 2026-10-01'              | 'date: 2026-02-30'                   | releases[0].date                      | not a date
                    a track id used twice                      | '{ id: public, title: Public'   | '{ id: private, title: Public'       | policy.tracks[1].id                   | another track
                    """)
    void refusesAProgramThatBreaksARuleNamingTheField(
            String kind, String original, String broken, String field, String message) {
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
                            assertThat(error.message()).contains(message);
                        });
    }
}
