package dev.embargo.policy.ssvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One of CERT/CC's published SSVC decision tables, read from the verbatim copy under {@code ssvc/}
 * (see its SOURCE.md): the decision points, their values, and the outcome of every combination.
 * Decisions are looked up in the table, never computed by rules of our own.
 */
public final class SsvcDecisionTable {

    /** CISA's deployer table ("CISA Coordinator"): Track, Track*, Attend or Act. */
    public static final SsvcDecisionTable CISA_COORDINATOR =
            load("ssvc/cisa_coordinator_2_0_3.json");

    /** CERT/CC's coordinator triage table: Decline, Track or Coordinate. */
    public static final SsvcDecisionTable COORDINATOR_TRIAGE =
            load("ssvc/coordinator_triage_1_0_0.json");

    private final String name;
    private final String version;
    private final List<DecisionPoint> inputs;
    private final DecisionPoint outcome;
    private final Map<List<String>, String> outcomes;

    private SsvcDecisionTable(
            String name,
            String version,
            List<DecisionPoint> inputs,
            DecisionPoint outcome,
            Map<List<String>, String> outcomes) {
        this.name = name;
        this.version = version;
        this.inputs = List.copyOf(inputs);
        this.outcome = outcome;
        this.outcomes = Map.copyOf(outcomes);
    }

    /** Reads a decision table in CERT/CC's JSON form from the classpath. */
    public static SsvcDecisionTable load(String resource) {
        try (InputStream in =
                SsvcDecisionTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No SSVC decision table at " + resource);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable SSVC decision table " + resource, e);
        }
    }

    private static SsvcDecisionTable parse(JsonNode table) {
        String outcomeId = table.path("outcome").asText();
        List<DecisionPoint> inputs = new ArrayList<>();
        DecisionPoint outcome = null;
        for (Map.Entry<String, JsonNode> entry : table.path("decision_points").properties()) {
            List<Value> values = new ArrayList<>();
            entry.getValue()
                    .path("values")
                    .forEach(
                            value ->
                                    values.add(
                                            new Value(
                                                    value.path("key").asText(),
                                                    value.path("name").asText())));
            DecisionPoint point =
                    new DecisionPoint(
                            entry.getKey(), entry.getValue().path("name").asText(), values);
            if (entry.getKey().equals(outcomeId)) {
                outcome = point;
            } else {
                inputs.add(point);
            }
        }
        if (outcome == null) {
            throw new IllegalStateException("The table names no outcome decision point");
        }
        Map<List<String>, String> outcomes = new LinkedHashMap<>();
        for (JsonNode row : table.path("mapping")) {
            outcomes.put(
                    inputs.stream().map(point -> row.path(point.id()).asText()).toList(),
                    row.path(outcomeId).asText());
        }
        return new SsvcDecisionTable(
                table.path("name").asText(),
                table.path("version").asText(),
                inputs,
                outcome,
                outcomes);
    }

    /** The table's name, e.g. {@code CISA Coordinator}: the {@code role} of CISA's vector. */
    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** The decision points the table decides from, in the table's order. */
    public List<DecisionPoint> decisionPoints() {
        return inputs;
    }

    /** The outcome decision point, e.g. CISA Levels. */
    public DecisionPoint outcome() {
        return outcome;
    }

    /**
     * The table's decision for a value of every decision point, named as the table names them (case
     * is ignored).
     *
     * @throws InvalidSsvcInputException naming the decision point that is missing, unknown or has a
     *     value the table does not know
     */
    public SsvcDecision decide(Map<String, String> chosen) {
        for (String given : chosen.keySet()) {
            if (inputs.stream().noneMatch(point -> point.name().equalsIgnoreCase(given))) {
                throw new InvalidSsvcInputException(
                        given, "not a decision point of " + name + "; one of " + inputNames());
            }
        }
        List<SsvcOption> options = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (DecisionPoint point : inputs) {
            String valueName =
                    chosen.entrySet().stream()
                            .filter(entry -> entry.getKey().equalsIgnoreCase(point.name()))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new InvalidSsvcInputException(
                                                    point.name(), "required by " + name));
            Value value =
                    point.value(valueName)
                            .orElseThrow(
                                    () ->
                                            new InvalidSsvcInputException(
                                                    point.name(),
                                                    "'"
                                                            + valueName
                                                            + "' is not one of "
                                                            + point.values().stream()
                                                                    .map(Value::name)
                                                                    .toList()));
            options.add(new SsvcOption(point.name(), value.name()));
            keys.add(value.key());
        }
        String outcomeKey = outcomes.get(keys);
        if (outcomeKey == null) {
            throw new IllegalStateException(name + " has no row for " + options);
        }
        return new SsvcDecision(name, version, options, outcome.byKey(outcomeKey).name());
    }

    private List<String> inputNames() {
        return inputs.stream().map(DecisionPoint::name).toList();
    }

    /**
     * A decision point of the table.
     *
     * @param id the table's identifier, e.g. {@code ssvc:E:1.1.0}
     * @param name e.g. {@code Exploitation}
     */
    public record DecisionPoint(String id, String name, List<Value> values) {

        public DecisionPoint {
            values = List.copyOf(values);
        }

        /** The value of that name, ignoring case. */
        public Optional<Value> value(String valueName) {
            String wanted = valueName == null ? "" : valueName.strip().toLowerCase(Locale.ROOT);
            return values.stream()
                    .filter(value -> value.name().toLowerCase(Locale.ROOT).equals(wanted))
                    .findFirst();
        }

        Value byKey(String key) {
            return values.stream()
                    .filter(value -> value.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " has no value " + key));
        }
    }

    /**
     * A value of a decision point: the table's key (e.g. {@code P}) and name ({@code Public PoC}).
     */
    public record Value(String key, String name) {}
}
