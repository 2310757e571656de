package dev.embargo.policy.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JSON Schema validator's messages in the words of the people who write program files: what is
 * missing, unknown or malformed, with the line to look at and what would be right, never a regular
 * expression or a schema keyword.
 */
final class SchemaMessages {

    private static final Pattern DEFINITION = Pattern.compile("#/\\$defs/([^/]+)/pattern$");

    private final JsonNode schema;
    private final JsonNode program;
    private final YamlLines lines;

    /**
     * @param schema the schema the program was validated with, to name the fields a place allows
     * @param program the program's tree, the values the messages are about
     */
    SchemaMessages(JsonNode schema, JsonNode program, YamlLines lines) {
        this.schema = schema;
        this.program = program;
        this.lines = lines;
    }

    List<PolicyError> translate(Collection<ValidationMessage> messages) {
        return messages.stream().map(this::translate).toList();
    }

    private PolicyError translate(ValidationMessage message) {
        String path = message.getInstanceLocation().toString();
        String property = message.getProperty();
        String text =
                switch (message.getType()) {
                    case "required" -> missing(path, property);
                    case "additionalProperties" -> unknown(message, path, property);
                    case "pattern" ->
                            FieldForms.explain(
                                    form(message),
                                    message.getInstanceNode().asText(),
                                    program.path("apiVersion").asText().endsWith("/v1"));
                    case "enum" ->
                            "'"
                                    + message.getInstanceNode().asText()
                                    + "' is not one of "
                                    + names(message.getSchemaNode());
                    case "const" ->
                            "'"
                                    + message.getInstanceNode().asText()
                                    + "' is not "
                                    + message.getSchemaNode().asText();
                    case "type" -> wrongType(message);
                    default -> withoutPath(message);
                };
        String field = property == null ? path : path + "." + property;
        return new PolicyError(field(field), lines.lineOf(field), text);
    }

    private static String missing(String path, String property) {
        return path.equals("$")
                ? "is missing: a program states its " + property + " at the top of the file"
                : "is missing: add " + property + ": under " + lastName(path) + ":";
    }

    private String unknown(ValidationMessage message, String path, String property) {
        JsonNode value = message.getInstanceNode().path(property);
        if (value.isNull() && lines.isFlowMapping(path)) {
            // In { name: ACME, Inc. } YAML ends the value at the comma and reads "Inc." as a key.
            String example =
                    lines.entryBefore(path, property)
                            .map(
                                    entry ->
                                            ", e.g. "
                                                    + entry.key()
                                                    + ": \""
                                                    + entry.value()
                                                    + ", "
                                                    + property
                                                    + "\"")
                            .orElse("");
            return "'"
                    + property
                    + "' is not a field: inside { } a comma ends a value, so put a value that"
                    + " holds a comma in quotes"
                    + example;
        }
        List<String> allowed = allowedFields(message);
        String where = path.equals("$") ? "a program" : field(path);
        return "'"
                + property
                + "' is not a field of "
                + where
                + closest(property, allowed).map(name -> "; did you mean " + name + "?").orElse("")
                + (allowed.isEmpty() ? "" : " (its fields: " + String.join(", ", allowed) + ")");
    }

    /** The properties the schema object holding the failed keyword defines. */
    private List<String> allowedFields(ValidationMessage message) {
        String location = message.getSchemaLocation().toString();
        int fragment = location.indexOf('#');
        String keyword = "/additionalProperties";
        if (fragment < 0 || !location.endsWith(keyword)) {
            return List.of();
        }
        String pointer = location.substring(fragment + 1, location.length() - keyword.length());
        List<String> names = new ArrayList<>();
        schema.at(pointer).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A defined field the author probably meant: up to two typos away, or one it begins. */
    private static Optional<String> closest(String property, List<String> allowed) {
        String typed = property.toLowerCase(Locale.ROOT);
        return allowed.stream()
                .filter(
                        name ->
                                distance(typed, name.toLowerCase(Locale.ROOT)) <= 2
                                        || typed.length() >= 3
                                                && name.toLowerCase(Locale.ROOT).startsWith(typed))
                .min(
                        Comparator.comparingInt(
                                name -> distance(typed, name.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String wrongType(ValidationMessage message) {
        Object[] arguments = message.getArguments();
        String found = arguments.length > 0 ? String.valueOf(arguments[0]) : "";
        String expected = arguments.length > 1 ? String.valueOf(arguments[1]) : "";
        if (message.getSchemaLocation().toString().contains("/$defs/promise/")) {
            return "must be a duration such as 7d, or a promise such as { within: 7d, firm: false"
                    + " }, not "
                    + kind(found);
        }
        // A field of several types lists them: [string, object].
        String kinds =
                Arrays.stream(expected.replaceAll("[\\[\\] ]", "").split(","))
                        .map(SchemaMessages::kind)
                        .collect(Collectors.joining(" or "));
        return "must be "
                + kinds
                + ", not "
                + kind(found)
                + ("string".equals(expected) && !"null".equals(found) ? " (put it in quotes)" : "");
    }

    private static String kind(String jsonType) {
        return switch (jsonType) {
            case "string" -> "text";
            case "integer", "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "object" -> "a mapping of fields";
            case "null" -> "empty";
            default -> jsonType;
        };
    }

    private static String names(JsonNode values) {
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(value.asText()));
        return names.stream().collect(Collectors.joining(", "));
    }

    /** The schema's message without the path it starts with (the error carries the path). */
    private static String withoutPath(ValidationMessage message) {
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        return text.startsWith("$") && colon > 0 ? text.substring(colon + 2) : text;
    }

    /**
     * What a value must look like: the schema's shared definition it failed (such as {@code
     * duration} or {@code email}), else the field's own name.
     */
    private static String form(ValidationMessage message) {
        Matcher definition = DEFINITION.matcher(message.getSchemaLocation().toString());
        // A shared pattern may be defined apart from its form: durationPattern for duration.
        return definition.find()
                ? definition.group(1).replaceFirst("Pattern$", "")
                : lastName(message.getInstanceLocation().toString());
    }

    /** The field's own name: {@code email} for {@code $.contacts[0].email}. */
    private static String lastName(String path) {
        String withoutIndexes = path.replaceAll("\\[\\d+]", "");
        return withoutIndexes.substring(withoutIndexes.lastIndexOf('.') + 1);
    }

    static String field(String path) {
        return path.startsWith("$.") ? path.substring(2) : path.equals("$") ? "" : path;
    }
}
