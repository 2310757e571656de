package dev.embargo.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CiaImpactTest {

    @Test
    void cvss31StatesTheImpactInItsCiaMetrics() {
        assertThat(CiaImpact.fromVector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N"))
                .contains(new CiaImpact("high", "low", "none"));
    }

    @Test
    void cvss40StatesItForTheVulnerableSystemNotTheSubsequentOnes() {
        assertThat(
                        CiaImpact.fromVector(
                                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:L/SC:H/SI:H/SA:H"))
                .contains(new CiaImpact("none", "high", "low"));
    }

    @Test
    void aVectorWithoutTheMetricsStatesNothing() {
        assertThat(CiaImpact.fromVector("CVSS:3.1/AV:N/AC:L")).isEmpty();
    }

    @Test
    void onlyHighLowAndNoneAreLevels() {
        assertThatThrownBy(() -> new CiaImpact("severe", "none", "none"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
