package dev.embargo.policy.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules of a program file that its JSON Schema cannot express; run on a schema-valid tree. */
final class ProgramRules {

    private ProgramRules() {}

    static List<PolicyError> check(JsonNode program) {
        List<PolicyError> errors = new ArrayList<>();
        JsonNode policy = program.path("policy");
        checkTimeZone(program, errors);
        Set<String> levels = checkSeverityLevels(policy.path("severity").path("levels"), errors);
        PromiseRules.check(policy, levels, errors);
        ReachRules.check(program, errors);
        VersionRules.check(program, errors);
        checkScopeIds(policy.path("scope"), errors);
        checkHolidays(policy.path("calendar").path("holidays"), errors);
        JsonNode extensions = policy.path("extensions");
        if (extensions.path("reporterAgreementRequired").asBoolean(false)
                && !extensions.path("allowed").asBoolean(false)) {
            errors.add(
                    new PolicyError(
                            "policy.extensions.reporterAgreementRequired",
                            null,
                            "extensions that are not allowed cannot require an agreement"));
        }
        return errors;
    }

    private static void checkTimeZone(JsonNode program, List<PolicyError> errors) {
        if (!program.has("timeZone")) {
            return;
        }
        try {
            ZoneId.of(program.path("timeZone").asText());
        } catch (DateTimeException e) {
            errors.add(
                    new PolicyError(
                            "timeZone",
                            null,
                            "'"
                                    + program.path("timeZone").asText()
                                    + "' is not an IANA time zone"));
        }
    }

    /** Unique names, CVSS bands from most to least severe; returns the names. */
    private static Set<String> checkSeverityLevels(JsonNode levels, List<PolicyError> errors) {
        Set<String> names = new HashSet<>();
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < levels.size(); i++) {
            JsonNode level = levels.get(i);
            String field = "policy.severity.levels[" + i + "]";
            if (!names.add(level.path("name").asText())) {
                errors.add(
                        new PolicyError(
                                field + ".name",
                                null,
                                "'" + level.path("name").asText() + "' appears twice"));
            }
            if (level.has("minCvss")) {
                double minCvss = level.path("minCvss").asDouble();
                if (minCvss >= previous) {
                    errors.add(
                            new PolicyError(
                                    field + ".minCvss",
                                    null,
                                    "levels go from most to least severe: "
                                            + minCvss
                                            + " must be below the level before"));
                }
                previous = minCvss;
            }
        }
        return names;
    }

    private static void checkScopeIds(JsonNode scope, List<PolicyError> errors) {
        Set<String> ids = new HashSet<>();
        for (String side : List.of("inScope", "outOfScope", "caseByCase", "elsewhere")) {
            JsonNode classes = scope.path(side);
            for (int i = 0; i < classes.size(); i++) {
                String id = classes.get(i).path("id").asText();
                if (!ids.add(id)) {
                    errors.add(
                            new PolicyError(
                                    "policy.scope." + side + "[" + i + "].id",
                                    null,
                                    "'" + id + "' names another scope class already"));
                }
            }
        }
    }

    private static void checkHolidays(JsonNode holidays, List<PolicyError> errors) {
        for (int i = 0; i < holidays.size(); i++) {
            checkDate(holidays.get(i), "policy.calendar.holidays[" + i + "]", errors);
        }
    }

    /** A date that exists (the schema checks only its form); nothing for a missing node. */
    static void checkDate(JsonNode date, String field, List<PolicyError> errors) {
        if (date.isMissingNode()) {
            return;
        }
        try {
            LocalDate.parse(date.asText());
        } catch (DateTimeException e) {
            errors.add(new PolicyError(field, null, "'" + date.asText() + "' is not a date"));
        }
    }
}
