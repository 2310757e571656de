package dev.embargo.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Admission shares a network's allowance between all its addresses, and only them. */
class AdmissionNetworksTest {

    @Test
    void addressesOfOneIpv4SlashTwentyFourAreOneNetwork() {
        assertThat(Admission.networkOf("203.0.113.7"))
                .isEqualTo(Admission.networkOf("203.0.113.250"));
        assertThat(Admission.networkOf("203.0.113.7"))
                .isNotEqualTo(Admission.networkOf("203.0.114.7"));
    }

    @Test
    void addressesOfOneIpv6SlashSixtyFourAreOneNetwork() {
        assertThat(Admission.networkOf("2001:db8:1:2::1"))
                .isEqualTo(Admission.networkOf("2001:db8:1:2:ffff:1:2:3"));
        assertThat(Admission.networkOf("2001:db8:1:2::1"))
                .isNotEqualTo(Admission.networkOf("2001:db8:1:3::1"));
    }

    @Test
    void anythingElseIsItsOwnNetworkAndIsNeverLookedUp() {
        assertThat(Admission.networkOf("unknown")).isEqualTo("unknown");
        assertThat(Admission.networkOf("1.2.3.example.org")).isEqualTo("1.2.3.example.org");
    }
}
