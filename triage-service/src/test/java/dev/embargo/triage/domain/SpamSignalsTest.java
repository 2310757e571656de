package dev.embargo.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpamSignalsTest {

    private static final String REPORT =
            "Sending a frame with a zero length prefix makes the decoder read past the buffer; "
                    + "steps: 1. connect 2. send 00 00 3. the node panics.";

    @Test
    void anOrdinaryReportGivesNoSignal() {
        assertThat(SpamSignals.of("Panic on zero-length frame", REPORT)).isEmpty();
    }

    @Test
    void linksAdvertisingAndCapitalsAreSignals() {
        String links =
                "see http://a.example http://b.example https://c.example http://d.example"
                        + " https://e.example "
                        + REPORT;
        assertThat(SpamSignals.of("Panic", links)).containsExactly("many links");
        assertThat(SpamSignals.of("Panic", "Best CASINO bonus, " + REPORT))
                .containsExactly("advertising words");
        assertThat(SpamSignals.of("URGENT SECURITY PROBLEM FOUND", REPORT))
                .containsExactly("title in capitals");
    }

    @Test
    void aReportWithoutADescriptionWorthTheNameIsASignal() {
        assertThat(SpamSignals.of("Bug", "hi")).containsExactly("almost no description");
    }

    @Test
    void wordsThatMerelyContainAnAdvertisingWordAreNotOne() {
        assertThat(
                        SpamSignals.of(
                                "Occasional panic", "The casinoish-named module aside, " + REPORT))
                .isEmpty();
    }
}
