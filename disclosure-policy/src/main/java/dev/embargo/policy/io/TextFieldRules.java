package dev.embargo.policy.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses control characters in every text of a program, as {@link ProgramText} allows them per
 * field; runs on any tree, schema-valid or not, so its errors come with the schema's.
 */
final class TextFieldRules {

    private TextFieldRules() {}

    static List<PolicyError> check(JsonNode program) {
        List<PolicyError> errors = new ArrayList<>();
        check(program, "", null, "", errors);
        return errors;
    }

    /**
     * @param owner the name of the field holding the object (or list of objects) this node is a
     *     field of; null at the top
     */
    private static void check(
            JsonNode node, String path, String owner, String name, List<PolicyError> errors) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                check(field.getValue(), child, name, field.getKey(), errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", owner, name, errors);
            }
        } else if (node.isTextual()) {
            checkText(node.asText(), path, ProgramText.isMultiLine(owner, name), errors);
        }
    }

    private static void checkText(
            String text, String path, boolean multiLine, List<PolicyError> errors) {
        for (int at = 0; at < text.length(); at = text.offsetByCodePoints(at, 1)) {
            int codePoint = text.codePointAt(at);
            if (!ProgramText.allows(codePoint, multiLine)) {
                errors.add(
                        new PolicyError(
                                path,
                                null,
                                (multiLine
                                                ? "may break lines with line feeds only and hold"
                                                        + " no other control character"
                                                : "must be a single line without control"
                                                        + " characters")
                                        + ", but holds U+%04X at character %d"
                                                .formatted(codePoint, at + 1)));
                return;
            }
        }
    }
}
