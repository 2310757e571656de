package dev.embargo.advisory.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.kit.problem.Problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class CveRecordRulesTest {

    private final CveRecord cve =
            new CveRecord(
                    new ObjectMapper(),
                    new PublicLinks("https://advisories.example"),
                    "8254265b-2729-46b6-b9e3-3dfca2d5bfca",
                    "example");

    private ObjectNode record() {
        return cve.render(SampleAdvisories.complete()).orElseThrow();
    }

    private static ObjectNode cna(ObjectNode record) {
        return (ObjectNode) record.at("/containers/cna");
    }

    @Test
    void aCompleteRecordBreaksNoRule() {
        assertThat(CveRecordRules.violations(record())).isEmpty();
    }

    @Test
    void aRecordWithoutAffectedProductsOrProblemTypeBreaksBothRules() {
        ObjectNode record = record();
        cna(record).putArray("affected");
        cna(record).remove("problemTypes");

        assertThat(CveRecordRules.violations(record))
                .extracting(FieldError::field)
                .containsExactly("affected", "cweId");
    }

    @Test
    void notEnoughInformationStandsInForACwe() {
        ObjectNode record = record();
        cna(record)
                .putArray("problemTypes")
                .addObject()
                .putArray("descriptions")
                .addObject()
                .put("lang", "en")
                .put("description", CveRecordRules.NOT_ENOUGH_INFORMATION);

        assertThat(CveRecordRules.violations(record)).isEmpty();
        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, record)).isEmpty();
    }

    @Test
    void aDescriptionThatCreditsSomeoneIsRefused() {
        ObjectNode byName = record();
        ((ObjectNode) cna(byName).at("/descriptions/0"))
                .put("value", "Ada Lovelace noticed that the selector parser skips negations.");
        ObjectNode byPhrase = record();
        ((ObjectNode) cna(byPhrase).at("/descriptions/0"))
                .put("value", "A selector bypass, reported by an external researcher.");

        assertThat(CveRecordRules.violations(byName))
                .containsExactly(CveRecordRules.CREDIT_IN_DESCRIPTION);
        assertThat(CveRecordRules.violations(byPhrase))
                .containsExactly(CveRecordRules.CREDIT_IN_DESCRIPTION);
    }

    @Test
    void aDescriptionInAnotherLanguageOnlyIsRefused() {
        ObjectNode record = record();
        ((ObjectNode) cna(record).at("/descriptions/0")).put("lang", "de");

        assertThat(CveRecordRules.violations(record))
                .extracting(FieldError::field)
                .containsExactly("description");
    }

    @Test
    void aReferenceToTheCveRecordItselfIsNotEnough() {
        ObjectNode record = record();
        ArrayNode references = cna(record).putArray("references");
        references.addObject().put("url", "https://www.cve.org/CVERecord?id=CVE-1900-12345");
        references.addObject().put("url", "https://nvd.nist.gov/vuln/detail/CVE-1900-12345");

        assertThat(CveRecordRules.violations(record))
                .extracting(FieldError::field)
                .containsExactly("references");
    }

    @Test
    void creditPhrasesAndNamesAreFoundWhateverTheirCase() {
        assertThat(CveRecordRules.mentionsCredit("Thanks to GRACE for the fix.", List.of()))
                .isTrue();
        assertThat(
                        CveRecordRules.mentionsCredit(
                                "grace hopper wrote the fix", List.of("Grace Hopper")))
                .isTrue();
        assertThat(
                        CveRecordRules.mentionsCredit(
                                "The parser found a wildcard after a negation.", List.of("Ada")))
                .isFalse();
    }
}
