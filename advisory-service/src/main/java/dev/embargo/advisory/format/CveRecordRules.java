package dev.embargo.advisory.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embargo.kit.problem.Problem.FieldError;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The content a CNA must put in a CVE record before publishing it (CVE CNA Operational Rules,
 * section 5), beyond what the schema checks: an affected product, a CWE or an explicit "not enough
 * information", an English description that credits no one, and a public reference other than the
 * CVE record itself.
 */
public final class CveRecordRules {

    /** The problem type text a record carries when the CNA cannot name a weakness. */
    public static final String NOT_ENOUGH_INFORMATION = "Not enough information";

    public static final FieldError NO_PROBLEM_TYPE =
            new FieldError(
                    "cweId",
                    "a CVE record names a CWE, or NVD-CWE-noinfo when there is not enough"
                            + " information");
    public static final FieldError CREDIT_IN_DESCRIPTION =
            new FieldError(
                    "description", "a CVE record's description credits no one: credits go apart");

    /** Phrases that put credit into a description; credit belongs in the record's credits. */
    private static final Pattern CREDIT_PHRASE =
            Pattern.compile(
                    "\\b(reported|discovered|found|identified|credited) by\\b|\\bthanks? to\\b"
                            + "|\\bcredits? (goes |go )?to\\b",
                    Pattern.CASE_INSENSITIVE);

    /** Where a CVE record itself is shown: a reference there points back at the record. */
    private static final Set<String> CVE_RECORD_HOSTS =
            Set.of("cve.org", "www.cve.org", "cve.mitre.org", "nvd.nist.gov");

    private CveRecordRules() {}

    /** What the record breaks, by JSON pointer into the record; empty when it may be published. */
    public static List<FieldError> violations(JsonNode record) {
        List<FieldError> violations = new ArrayList<>();
        String cveId = record.at("/cveMetadata/cveId").asText();
        JsonNode cna = record.at("/containers/cna");
        if (!cna.path("affected").elements().hasNext()) {
            violations.add(
                    new FieldError("affected", "a CVE record names at least one affected product"));
        }
        if (!namesProblemType(cna.path("problemTypes"))) {
            violations.add(NO_PROBLEM_TYPE);
        }
        List<String> credited = texts(cna.path("credits"), "value");
        List<JsonNode> english =
                elements(cna.path("descriptions"))
                        .filter(description -> description.path("lang").asText().startsWith("en"))
                        .filter(description -> !description.path("value").asText().isBlank())
                        .toList();
        if (english.isEmpty()) {
            violations.add(
                    new FieldError("description", "a CVE record has an English description"));
        } else if (english.stream()
                .anyMatch(d -> mentionsCredit(d.path("value").asText(), credited))) {
            violations.add(CREDIT_IN_DESCRIPTION);
        }
        if (elements(cna.path("references"))
                .map(reference -> reference.path("url").asText())
                .noneMatch(url -> isPublicReferenceOtherThan(url, cveId))) {
            violations.add(
                    new FieldError(
                            "references",
                            "a CVE record has a public reference other than the CVE record"));
        }
        return violations;
    }

    /** Whether a description names a credited person or says who found or reported the flaw. */
    public static boolean mentionsCredit(String text, List<String> credited) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return CREDIT_PHRASE.matcher(text).find()
                || credited.stream()
                        .filter(name -> name != null && !name.isBlank())
                        .anyMatch(name -> lower.contains(name.toLowerCase(Locale.ROOT)));
    }

    private static boolean namesProblemType(JsonNode problemTypes) {
        return elements(problemTypes)
                .flatMap(problemType -> elements(problemType.path("descriptions")))
                .anyMatch(
                        description ->
                                description.hasNonNull("cweId")
                                        || NOT_ENOUGH_INFORMATION.equalsIgnoreCase(
                                                description.path("description").asText()));
    }

    private static boolean isPublicReferenceOtherThan(String url, String cveId) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        boolean theRecordItself =
                uri.getHost() != null
                        && CVE_RECORD_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))
                        && url.toUpperCase(Locale.ROOT).contains(cveId.toUpperCase(Locale.ROOT));
        return web && uri.getHost() != null && !theRecordItself;
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static List<String> texts(JsonNode array, String field) {
        return elements(array).map(element -> element.path(field).asText()).toList();
    }
}
