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
                AdvisoryContent.builder()
                        .title("Selector bypass")
                        .summary(" ")
                        .severity("medium")
                        .build();

        assertThat(ContentReadiness.missing(draft))
                .extracting(FieldError::field)
                .containsExactly("summary", "description", "remediation", "affected");
    }

    @Test
    void aRemediationForAProductTheAdvisoryDoesNotNameIsNotReady() {
        AdvisoryContent misdirected =
                AdvisoryFixtures.essentials()
                        .remediations(
                                List.of(
                                        new Remediation(
                                                "workaround",
                                                "Deny wildcards.",
                                                List.of("moqtail-broker", "moqtail-proxy"),
                                                null,
                                                null)))
                        .build();

        assertThat(ContentReadiness.missing(misdirected))
                .extracting(FieldError::message)
                .containsExactly("names moqtail-proxy, which is no affected product");
    }

    @Test
    void aCvssVectorWithoutItsScoreIsNotReady() {
        AdvisoryContent complete = AdvisoryFixtures.content("Selector bypass", null);
        AdvisoryContent unscored =
                AdvisoryFixtures.essentials().cvssVector(complete.cvssVector()).build();

        assertThat(ContentReadiness.missing(unscored))
                .extracting(FieldError::field)
                .containsExactly("cvssScore");
    }

    @Test
    void withACveIdTheWeaknessIsNamedOrDeclaredUnknownAndTheDescriptionCreditsNoOne() {
        AdvisoryContent complete = AdvisoryFixtures.content("Selector bypass", "CVE-1900-12345");
        AdvisoryContent unclassifiedAndCrediting =
                AdvisoryFixtures.essentials()
                        .description(complete.description() + " Discovered by Ada Lovelace.")
                        .cveId(complete.cveId())
                        .credits(List.of(new Credit("Ada Lovelace", "finder")))
                        .references(complete.references())
                        .build();
        AdvisoryContent notEnoughInformation =
                AdvisoryFixtures.essentials()
                        .cveId(complete.cveId())
                        .cweId(AdvisoryContent.NOT_ENOUGH_INFORMATION)
                        .references(complete.references())
                        .build();

        assertThat(ContentReadiness.missing(unclassifiedAndCrediting))
                .extracting(FieldError::field)
                .containsExactly("cweId", "description");
        assertThat(ContentReadiness.missing(notEnoughInformation)).isEmpty();
    }

    @Test
    void withoutACveIdNoRecordRuleApplies() {
        AdvisoryContent complete = AdvisoryFixtures.content("Selector bypass", null);
        AdvisoryContent unclassified =
                AdvisoryFixtures.essentials()
                        .description("Reported by Ada. " + complete.description())
                        .build();

        assertThat(ContentReadiness.missing(unclassified)).isEmpty();
    }
}
