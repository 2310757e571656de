package dev.embargo.policy.ssvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of CERT/CC's CSV rendering of each copied table gets, from the JSON table the code
 * decides with, the outcome the CSV names.
 */
class SsvcDecisionTableTest {

    /** A comma outside double quotes: the CSV header quotes "Decline, Track, Coordinate". */
    private static final String CSV_SEPARATOR = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";

    static Stream<Arguments> everyCsvRow() throws IOException {
        return Stream.concat(
                rows(SsvcDecisionTable.CISA_COORDINATOR, "ssvc/cisa_coordinator_2_0_3.csv", 36),
                rows(
                        SsvcDecisionTable.COORDINATOR_TRIAGE,
                        "ssvc/coordinator_triage_1_0_0.csv",
                        192));
    }

    @ParameterizedTest(name = "{0} row {1}")
    @MethodSource("everyCsvRow")
    void decidesEveryRowAsCertCcPublishedIt(
            String table, String row, Map<String, String> inputs, String outcome) {
        SsvcDecisionTable decisionTable =
                table.equals(SsvcDecisionTable.CISA_COORDINATOR.name())
                        ? SsvcDecisionTable.CISA_COORDINATOR
                        : SsvcDecisionTable.COORDINATOR_TRIAGE;
        assertThat(decisionTable.decide(inputs).outcome()).isEqualToIgnoringCase(outcome);
    }

    @Test
    void writesTheVectorAsCisasAdpWritesItInCveRecords() {
        SsvcDecision decision =
                SsvcDecisionTable.CISA_COORDINATOR.decide(
                        Map.of(
                                "Exploitation", "public poc",
                                "Automatable", "Yes",
                                "Technical Impact", "partial",
                                "Mission and Well-Being Impact", "high"));

        SsvcDecision.CisaAdpContent content =
                decision.cisaAdpContent("CVE-2024-3931", Instant.parse("2024-04-22T19:20:06Z"));

        assertThat(decision.summary())
                .isEqualTo(
                        "Attend (CISA Coordinator 2.0.3: Exploitation Public PoC, Automatable Yes,"
                                + " Technical Impact Partial, Mission and Well-Being Impact High)");
        assertThat(content.options())
                .containsExactly(
                        Map.of("Exploitation", "poc"),
                        Map.of("Automatable", "yes"),
                        Map.of("Technical Impact", "partial"));
        assertThat(content.role()).isEqualTo("CISA Coordinator");
        assertThat(content.version()).isEqualTo("2.0.3");
        assertThat(content.id()).isEqualTo("CVE-2024-3931");
        assertThat(content.timestamp()).isEqualTo("2024-04-22T19:20:06Z");
    }

    @Test
    void refusesAMissingUnknownOrMisspelledDecisionPointNamingIt() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("Exploitation", "active");
        inputs.put("Automatable", "yes");
        inputs.put("Technical Impact", "total");
        assertThatThrownBy(() -> SsvcDecisionTable.CISA_COORDINATOR.decide(inputs))
                .isInstanceOfSatisfying(
                        InvalidSsvcInputException.class,
                        e ->
                                assertThat(e.decisionPoint())
                                        .isEqualTo("Mission and Well-Being Impact"));
        inputs.put("Mission and Well-Being Impact", "severe");
        assertThatThrownBy(() -> SsvcDecisionTable.CISA_COORDINATOR.decide(inputs))
                .hasMessageContaining("'severe' is not one of [Low, Medium, High]");
        inputs.put("Mission and Well-Being Impact", "high");
        inputs.put("Exposure", "open");
        assertThatThrownBy(() -> SsvcDecisionTable.CISA_COORDINATOR.decide(inputs))
                .isInstanceOfSatisfying(
                        InvalidSsvcInputException.class,
                        e -> assertThat(e.decisionPoint()).isEqualTo("Exposure"));
    }

    private static Stream<Arguments> rows(SsvcDecisionTable table, String csv, int expectedRows)
            throws IOException {
        List<String> lines;
        try (InputStream in =
                SsvcDecisionTableTest.class.getClassLoader().getResourceAsStream(csv)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        String[] header = lines.getFirst().split(CSV_SEPARATOR);
        List<SsvcDecisionTable.DecisionPoint> points = table.decisionPoints();
        assertThat(header).hasSize(points.size() + 2);
        for (int column = 0; column < points.size(); column++) {
            assertThat(header[column + 1]).startsWith(points.get(column).name() + " v");
        }
        List<String> body = lines.subList(1, lines.size());
        assertThat(body).hasSize(expectedRows);
        return body.stream()
                .map(line -> line.split(CSV_SEPARATOR))
                .map(
                        cells -> {
                            Map<String, String> inputs = new LinkedHashMap<>();
                            for (int column = 0; column < points.size(); column++) {
                                inputs.put(points.get(column).name(), cells[column + 1]);
                            }
                            return Arguments.of(
                                    table.name(), cells[0], inputs, cells[cells.length - 1]);
                        });
    }
}
