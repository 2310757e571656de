package dev.embargo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AckLatencyTest {

    @Test
    void cpuPerReportLeavesOutWhatEachServiceSpendsAtRest() {
        Map<String, Double> phase = new LinkedHashMap<>();
        phase.put("triage", 3_000.0);
        phase.put("notify", 5_000.0);
        Map<String, Double> restPerSecond = Map.of("triage", 100.0, "notify", 0.0);

        List<Figure> figures = AckLatency.cpuPerReport(phase, restPerSecond, 10, 1_000, "1.00");

        assertThat(figures.get(0).value()).startsWith("%.2f ms".formatted(2.0));
        assertThat(figures.get(1).value()).startsWith("%.2f ms".formatted(5.0));
    }

    @Test
    void onlyTriageIsHeldToTheTwoMillisecondTarget() {
        Map<String, Double> phase = new LinkedHashMap<>();
        phase.put("triage", 1_500.0);
        phase.put("intake", 9_000.0);

        List<Figure> figures = AckLatency.cpuPerReport(phase, Map.of(), 10, 1_000, "1.00");

        assertThat(figures.get(0).target()).isEqualTo("< 2 ms");
        assertThat(figures.get(0).met()).isTrue();
        assertThat(figures.get(1).target()).isEmpty();
    }
}
