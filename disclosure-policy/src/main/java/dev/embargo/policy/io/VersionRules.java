package dev.embargo.policy.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * The rules of the supported versions table and the release list: a row names versions or a rule,
 * rules need releases to count with, and dates are real dates.
 */
final class VersionRules {

    private static final Set<String> SERIES_RULES =
            Set.of("latest-minor-series", "latest-major-series");

    private VersionRules() {}

    static void check(JsonNode program, List<PolicyError> errors) {
        JsonNode rows = program.path("policy").path("supportedVersions");
        boolean hasRule = false;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String field = "policy.supportedVersions[" + i + "]";
            hasRule |= row.has("rule");
            checkRow(row, field, errors);
            ProgramRules.checkDate(row.path("endOfLife"), field + ".endOfLife", errors);
        }
        JsonNode releases = program.path("releases");
        if (hasRule && releases.isEmpty()) {
            errors.add(
                    new PolicyError(
                            "releases",
                            null,
                            "rule rows of policy.supportedVersions count with the release list;"
                                    + " list the releases"));
        }
        for (int i = 0; i < releases.size(); i++) {
            ProgramRules.checkDate(
                    releases.get(i).path("date"), "releases[" + i + "].date", errors);
            ProgramRules.checkDate(
                    releases.get(i).path("endOfLife"), "releases[" + i + "].endOfLife", errors);
        }
    }

    private static void checkRow(JsonNode row, String field, List<PolicyError> errors) {
        if (row.has("versions") == row.has("rule")) {
            errors.add(new PolicyError(field, null, "a row names either versions or a rule"));
        } else if (row.has("versions") && !row.has("securityFixes")) {
            errors.add(
                    new PolicyError(
                            field + ".securityFixes",
                            null,
                            "a versions row says whether these versions get security fixes"));
        } else if (row.has("rule") && !row.path("securityFixes").asBoolean(true)) {
            errors.add(
                    new PolicyError(
                            field + ".securityFixes",
                            null,
                            "a rule names supported versions; list unsupported ones in a versions"
                                    + " row"));
        }
        if (row.has("count") && !SERIES_RULES.contains(row.path("rule").asText())) {
            errors.add(
                    new PolicyError(
                            field + ".count",
                            null,
                            "only the series rules " + SERIES_RULES + " take a count"));
        }
    }
}
