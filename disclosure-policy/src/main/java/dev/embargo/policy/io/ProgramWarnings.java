package dev.embargo.policy.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a schema-valid program states that loads but changes its meaning without a word: steps the
 * deadline engine has to drop, maximums that set none.
 */
final class ProgramWarnings {

    /** Durations that set no time; a maximum of one of these is no maximum. */
    private static final Set<String> OPEN_ENDED = Set.of("best-effort", "next-release", "asap");

    /** The deadlines a disclosure step can come from; a pre-release window ends at it. */
    private static final List<String> DISCLOSURE_STEPS =
            List.of("disclosure", "disclosureBySeverity", "disclosureByTrack");

    private ProgramWarnings() {}

    /** The warnings of a program tree as written in a file of {@code version}. */
    static List<PolicyWarning> check(JsonNode program, FormatVersion version) {
        List<PolicyWarning> warnings = new ArrayList<>();
        ruleRowsWithoutReleases(program, warnings);
        JsonNode openPgp = program.path("openPgp");
        if (version == FormatVersion.V1
                && openPgp.has("fingerprint")
                && !openPgp.has("armoredKey")) {
            warnings.add(
                    new PolicyWarning(
                            "openPgp.fingerprint",
                            null,
                            "a fingerprint with no key: reporters cannot get the key; add"
                                    + " armoredKey (version 2 files refuse this: migrate and give"
                                    + " the key's url or keyserver)"));
        }
        JsonNode policy = program.path("policy");
        JsonNode deadlines = policy.path("deadlines");
        JsonNode expedited = policy.path("expedited").path("deadlines");
        preReleaseWithoutDisclosure(deadlines, "policy.deadlines", deadlines, warnings);
        preReleaseWithoutDisclosure(expedited, "policy.expedited.deadlines", deadlines, warnings);
        openEndedMaximum(
                deadlines.path("preReleaseEmbargo"),
                "policy.deadlines.preReleaseEmbargo",
                warnings);
        openEndedMaximum(
                expedited.path("preReleaseEmbargo"),
                "policy.expedited.deadlines.preReleaseEmbargo",
                warnings);
        JsonNode groups = policy.path("disclosure").path("partnerGroups");
        for (int i = 0; i < groups.size(); i++) {
            openEndedMaximum(
                    groups.get(i).path("maxEmbargo"),
                    "policy.disclosure.partnerGroups[" + i + "].maxEmbargo",
                    warnings);
        }
        return warnings;
    }

    /** Rule rows count with the release list; without one they classify every version unknown. */
    private static void ruleRowsWithoutReleases(JsonNode program, List<PolicyWarning> warnings) {
        JsonNode rows = program.path("policy").path("supportedVersions");
        if (!program.path("releases").isEmpty()) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).has("rule")) {
                warnings.add(
                        new PolicyWarning(
                                "policy.supportedVersions[" + i + "].rule",
                                null,
                                "counts with the release list and there is none: versions it"
                                        + " would name are classified unknown until releases are"
                                        + " listed (in the file or through triage's API)"));
            }
        }
    }

    /**
     * The engine opens the pre-release window counting back from disclosure; without a disclosure
     * step (on this track or, for the expedited one, the normal track) it drops the window.
     */
    private static void preReleaseWithoutDisclosure(
            JsonNode deadlines, String at, JsonNode normal, List<PolicyWarning> warnings) {
        if (deadlines.has("preReleaseEmbargo")
                && DISCLOSURE_STEPS.stream().noneMatch(deadlines::has)
                && DISCLOSURE_STEPS.stream().noneMatch(normal::has)) {
            warnings.add(
                    new PolicyWarning(
                            at + ".preReleaseEmbargo",
                            null,
                            "is ignored: the pre-release embargo counts back from the disclosure"
                                    + " deadline and there is none; add policy.deadlines.disclosure"
                                    + " or remove the pre-release embargo"));
        }
    }

    private static void openEndedMaximum(JsonNode value, String at, List<PolicyWarning> warnings) {
        String duration = value.isObject() ? value.path("within").asText() : value.asText();
        if (OPEN_ENDED.contains(duration)) {
            warnings.add(
                    new PolicyWarning(
                            at,
                            null,
                            "'"
                                    + duration
                                    + "' sets no maximum: partners could be told any time"
                                    + " before disclosure; write the longest time allowed, such"
                                    + " as 14d"));
        }
    }
}
