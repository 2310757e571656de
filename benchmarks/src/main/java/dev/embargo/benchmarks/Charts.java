package dev.embargo.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The benchmarks' charts (XChart): one size and look for all, targets drawn as dashed lines, saved
 * as PNG.
 */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private Charts() {}

    /** Points of a measured value over time or size; add series with {@link XYChart#addSeries}. */
    public static XYChart points(String title, String xAxis, String yAxis) {
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle(xAxis)
                        .yAxisTitle(yAxis)
                        .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    /**
     * Bars side by side per category (a round, a phase); add series with {@link
     * CategoryChart#addSeries}.
     */
    public static CategoryChart bars(String title, String xAxis, String yAxis) {
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle(xAxis)
                        .yAxisTitle(yAxis)
                        .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /** A target as a dashed horizontal line from {@code fromX} to {@code toX}. */
    public static void target(XYChart chart, String name, double fromX, double toX, double value) {
        XYSeries line =
                chart.addSeries(name, new double[] {fromX, toX}, new double[] {value, value});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineStyle(SeriesLines.DASH_DASH);
    }

    /** A target as a dashed horizontal line across the categories. */
    public static void target(
            CategoryChart chart, String name, List<String> categories, double value) {
        CategorySeries line =
                chart.addSeries(name, categories, Collections.nCopies(categories.size(), value));
        line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineStyle(SeriesLines.DASH_DASH);
    }

    /** Writes {@code chart} to {@code directory/<benchmark>.png}, replacing the previous run's. */
    public static Path save(Chart<?, ?> chart, Path directory, Benchmark benchmark)
            throws IOException {
        Files.createDirectories(directory);
        Path png = directory.resolve(benchmark.id() + ".png");
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        return png;
    }
}
