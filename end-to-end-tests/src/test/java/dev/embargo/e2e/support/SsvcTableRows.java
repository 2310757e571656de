package dev.embargo.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a CERT/CC SSVC decision table as CERT/CC published it in CSV, read from the verbatim
 * copy disclosure-policy ships (its {@code ssvc/SOURCE.md}), so tests never retype a row.
 */
public final class SsvcTableRows {

    /** A comma outside double quotes: a header may quote "Decline, Track, Coordinate". */
    private static final String CSV_SEPARATOR = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";

    /** A column's version suffix, e.g. " v1.1.0" of "Exploitation v1.1.0". */
    private static final String VERSION_SUFFIX = " v\\d+(\\.\\d+)*$";

    private SsvcTableRows() {}

    /**
     * One row: its number in the CSV, each decision point's value named as the table's columns name
     * them (e.g. {@code Exploitation} to {@code none}), and the outcome CERT/CC gives it.
     */
    public record Row(String number, Map<String, String> inputs, String outcome) {}

    /** Every row of the CSV at {@code resource} on the classpath, in the file's order. */
    public static List<Row> of(String resource) {
        List<String[]> lines = lines(resource);
        String[] header = lines.getFirst();
        List<String> decisionPoints =
                Arrays.stream(header, 1, header.length - 1)
                        .map(column -> column.replaceAll(VERSION_SUFFIX, ""))
                        .toList();
        return lines.subList(1, lines.size()).stream()
                .map(
                        cells -> {
                            Map<String, String> inputs = new LinkedHashMap<>();
                            for (int column = 0; column < decisionPoints.size(); column++) {
                                inputs.put(decisionPoints.get(column), cells[column + 1]);
                            }
                            return new Row(cells[0], inputs, cells[cells.length - 1]);
                        })
                .toList();
    }

    private static List<String[]> lines(String resource) {
        try (InputStream in = SsvcTableRows.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No SSVC table on the classpath at " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(CSV_SEPARATOR))
                    .map(
                            cells ->
                                    Arrays.stream(cells)
                                            .map(cell -> cell.replace("\"", ""))
                                            .toArray(String[]::new))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable SSVC table " + resource, e);
        }
    }
}
