package dev.embargo.advisory.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.advisory.AdvisoryFixtures;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.Credit;
import dev.embargo.advisory.domain.AdvisoryContent.Remediation;
import dev.embargo.kit.problem.Problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentReadinessTest {

    @Test
    void completeContentMissesNothing() {
        assertThat(
                        ContentReadiness.missing(
                                AdvisoryFixtures.content("Selector bypass", "CVE-1900-12345")))
                .isEmpty();
    }

    @Test
    void aDraftMissesEveryFieldTheFormatsNeed() {
        AdvisoryContent draft =
                new AdvisoryContent(
                        "Selector bypass",
                        " ",
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        "medium",
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of());

        assertThat(ContentReadiness.missing(draft))
                .extracting(FieldError::field)
                .containsExactly("summary", "description", "remediation", "affected");
    }

    @Test
    void aRemediationForAProductTheAdvisoryDoesNotNameIsNotReady() {
        AdvisoryContent complete = AdvisoryFixtures.content("Selector bypass", null);
        AdvisoryContent misdirected =
                new AdvisoryContent(
                        complete.title(),
                        complete.summary(),
                        complete.description(),
                        complete.affected(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        "medium",
                        List.of(),
                        List.of(),
                        complete.remediation(),
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        List.of(
                                new Remediation(
                                        "workaround",
                                        "Deny wildcards.",
                                        List.of("moqtail-broker", "moqtail-proxy"),
                                        null,
                                        null)),
                        List.of(),
                        List.of());

        assertThat(ContentReadiness.missing(misdirected))
                .extracting(FieldError::message)
                .containsExactly("names moqtail-proxy, which is no affected product");
    }

    @Test
    void aCvssVectorWithoutItsScoreIsNotReady() {
        AdvisoryContent complete = AdvisoryFixtures.content("Selector bypass", null);
        AdvisoryContent unscored =
                new AdvisoryContent(
                        complete.title(),
                        complete.summary(),
                        complete.description(),
                        complete.affected(),
                        null,
                        null,
                        null,
                        complete.cvssVector(),
                        null,
                        "medium",
                        List.of(),
                        List.of(),
                        complete.remediation(),
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of());

        assertThat(ContentReadiness.missing(unscored))
                .extracting(FieldError::field)
                .containsExactly("cvssScore");
    }

    @Test
    void withACveIdTheWeaknessIsNamedOrDeclaredUnknownAndTheDescriptionCreditsNoOne() {
        AdvisoryContent complete = AdvisoryFixtures.content("Selector bypass", "CVE-1900-12345");
        AdvisoryContent unclassifiedAndCrediting =
                new AdvisoryContent(
                        complete.title(),
                        complete.summary(),
                        complete.description() + " Discovered by Ada Lovelace.",
                        complete.affected(),
                        complete.cveId(),
                        null,
                        null,
                        null,
                        null,
                        "medium",
                        List.of(new Credit("Ada Lovelace", "finder")),
                        complete.references(),
                        complete.remediation(),
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of());
        AdvisoryContent notEnoughInformation =
                new AdvisoryContent(
                        complete.title(),
                        complete.summary(),
                        complete.description(),
                        complete.affected(),
                        complete.cveId(),
                        AdvisoryContent.NOT_ENOUGH_INFORMATION,
                        null,
                        null,
                        null,
                        "medium",
                        List.of(),
                        complete.references(),
                        complete.remediation(),
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of());

        assertThat(ContentReadiness.missing(unclassifiedAndCrediting))
                .extracting(FieldError::field)
                .containsExactly("cweId", "description");
        assertThat(ContentReadiness.missing(notEnoughInformation)).isEmpty();
    }

    @Test
    void withoutACveIdNoRecordRuleApplies() {
        AdvisoryContent complete = AdvisoryFixtures.content("Selector bypass", null);
        AdvisoryContent unclassified =
                new AdvisoryContent(
                        complete.title(),
                        complete.summary(),
                        "Reported by Ada. " + complete.description(),
                        complete.affected(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        "medium",
                        List.of(),
                        List.of(),
                        complete.remediation(),
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of());

        assertThat(ContentReadiness.missing(unclassified)).isEmpty();
    }
}
