package dev.embargo.notify.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * A pre-advisory as the text of an email: its fields in reading order, long ones as paragraphs,
 * structured ones (affected products) as indented JSON, and the distribution line with the copy's
 * reference last. The watermarked fields keep their invisible mark.
 */
final class PreAdvisoryText {

    /** Field, and the label it is shown under, in the order a reader needs them. */
    private static final List<Map.Entry<String, String>> FIELDS =
            List.of(
                    Map.entry("advisory", "Advisory"),
                    Map.entry("title", "Title"),
                    Map.entry("program", "Program"),
                    Map.entry("severity", "Severity"),
                    Map.entry("cvssScore", "CVSS score"),
                    Map.entry("cvssVector", "CVSS vector"),
                    Map.entry("cveId", "CVE"),
                    Map.entry("cweId", "CWE"),
                    Map.entry("embargoUntil", "Embargoed until"),
                    Map.entry("summary", "Summary"),
                    Map.entry("description", "Description"),
                    Map.entry("affected", "Affected"),
                    Map.entry("remediation", "Remediation"),
                    Map.entry("workarounds", "Workarounds"),
                    Map.entry(
                            "answerUrl",
                            "Acknowledge, state your products' status and your readiness at"));

    private PreAdvisoryText() {}

    static String of(JsonNode data, ObjectMapper json) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> field : FIELDS) {
            JsonNode value = data.get(field.getKey());
            if (value == null
                    || value.isNull()
                    || value.asText().isEmpty() && !value.isContainerNode()) {
                continue;
            }
            if (value.isContainerNode()) {
                text.append(field.getValue())
                        .append(":\n  ")
                        .append(pretty(value, json).replace("\n", "\n  "))
                        .append("\n\n");
            } else if (value.asText().length() > 60) {
                text.append(field.getValue()).append(":\n").append(value.asText()).append("\n\n");
            } else {
                text.append(field.getValue()).append(": ").append(value.asText()).append("\n");
            }
        }
        return text.append("\n").append(data.path("distribution").asText()).toString();
    }

    private static String pretty(JsonNode value, ObjectMapper json) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON trees always serialize", e);
        }
    }
}
