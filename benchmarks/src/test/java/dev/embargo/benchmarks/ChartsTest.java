package dev.embargo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

class ChartsTest {

    @Test
    void aChartIsSavedAsAPngNamedAfterItsBenchmark(@TempDir Path directory) throws IOException {
        XYChart chart =
                Charts.points("Submit → acknowledgement email", "submitted at (s)", "latency (ms)");
        chart.addSeries("measured", new double[] {0.1, 0.2, 0.3}, new double[] {80, 95, 310});
        Charts.target(chart, "warm p99 < 300 ms", 0.1, 0.3, 300);

        Path png = Charts.save(chart, directory.resolve("charts"), Benchmark.ACK_LATENCY);

        assertThat(png).isEqualTo(directory.resolve("charts/ack-latency.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(0);
    }

    @Test
    void barsTakeATargetLineAcrossTheirCategories(@TempDir Path directory) throws IOException {
        CategoryChart chart = Charts.bars("intake next to pgbench", "", "% of pgbench");
        List<String> phases = List.of("peak, round 1", "peak, round 2", "no-op endpoint");
        chart.addSeries("share of pgbench", phases, List.of(48, 55, 190));
        Charts.target(chart, "target: peak ≥ 50 %", phases, 50);

        Path png = Charts.save(chart, directory, Benchmark.INTAKE_THROUGHPUT);

        assertThat(ImageIO.read(png.toFile())).isNotNull();
    }
}
