package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.embargo.e2e.support.Reporter.SubmittedReport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps before an advisory exists: a triager accepts the report's case and rates it, a
 * publisher drafts from it.
 */
public final class AdvisoryDrafts {

    public static final String CVSS_V31 = "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N";
    public static final String CVSS_V40 =
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N";

    private AdvisoryDrafts() {}

    /** Moves the report's case through triage to accepted, with a CVSS 3.1 rating (6.5, medium). */
    public static void acceptCase(RunningStack stack, SubmittedReport report) {
        String triager = stack.staffTokens().of("triager");
        String cases = stack.serviceUrl("triage") + "/api/v1/cases";
        String caseId = Cases.idOf(stack, report);
        for (String state : List.of("triaging", "accepted")) {
            Cases.transition(stack, caseId, Map.of("to", state, "reason", "Confirmed"))
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(triager)
                .contentType(ContentType.JSON)
                .body(Map.of("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N"))
                .when()
                .put(cases + "/" + caseId + "/severity")
                .then()
                .statusCode(200);
    }

    /** Accepts the report's case and drafts its advisory; the advisory's id. */
    public static String draftedFromAcceptedCase(RunningStack stack, SubmittedReport report) {
        acceptCase(stack, report);
        return draft(stack, report.trackingId());
    }

    /** Drafts the advisory once advisory has heard that the case was accepted; its id. */
    public static String draft(RunningStack stack, String trackingId) {
        String publisher = stack.staffTokens().of("publisher");
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            Response answer =
                                    given().auth()
                                            .oauth2(publisher)
                                            .contentType(ContentType.JSON)
                                            .body(Map.of("trackingId", trackingId))
                                            .when()
                                            .post(
                                                    stack.serviceUrl("advisory")
                                                            + "/api/v1/advisories");
                            return answer.statusCode() == 201
                                    ? answer.jsonPath().getString("id")
                                    : null;
                        },
                        id -> id != null);
    }

    /**
     * A complete revision of moqtail's advisory (publishable), with a CVE id and CWE when {@code
     * cve} is given.
     */
    public static Response revise(
            RunningStack stack, String advisoryId, String title, String cve, String changeSummary) {
        Map<String, Object> content =
                new java.util.HashMap<>(
                        Map.of(
                                "title",
                                title,
                                "summary",
                                "A crafted selector reads topics beyond the subscriber's"
                                        + " role.",
                                "description",
                                "The parser accepts a wildcard after a negation that"
                                        + " authorization does not expand.",
                                "affected",
                                List.of(
                                        Map.of(
                                                "product",
                                                "moqtail-broker",
                                                "introduced",
                                                "0.1.0",
                                                "fixed",
                                                "0.1.4",
                                                "ecosystem",
                                                "crates.io",
                                                "packageName",
                                                "moqtail")),
                                "cvssVector",
                                "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N",
                                "severity",
                                "medium",
                                "remediation",
                                "Upgrade moqtail-broker to 0.1.4.",
                                "changeSummary",
                                changeSummary));
        if (cve != null) {
            content.put("cveId", cve);
            content.put("cweId", "CWE-863");
            content.put("cweName", "Incorrect Authorization");
        }
        return given().auth()
                .oauth2(stack.staffTokens().of("publisher"))
                .contentType(ContentType.JSON)
                .body(content)
                .when()
                .put(stack.serviceUrl("advisory") + "/api/v1/advisories/" + advisoryId);
    }

    /**
     * A complete revision of moqtail's advisory with two packaged products (purl), both CVSS
     * versions, a remediation per product and VEX statements; a map to change before sending.
     */
    public static Map<String, Object> twoProducts(String title, String cve) {
        Map<String, Object> content = new HashMap<>();
        content.put("title", title);
        content.put("summary", "A crafted selector reads topics beyond the subscriber's role.");
        content.put(
                "description",
                "The parser accepts a wildcard after a negation that authorization does not"
                        + " expand.");
        content.put(
                "affected",
                List.of(
                        Map.of(
                                "product", "moqtail-broker",
                                "introduced", "0.1.0",
                                "fixed", "0.1.4",
                                "purl", "pkg:cargo/moqtail"),
                        Map.of(
                                "product", "moqtail-go",
                                "introduced", "v0.2.0",
                                "fixed", "v0.2.3",
                                "purl", "pkg:golang/github.com/example/moqtail-go")));
        content.put("cvssVectors", List.of(CVSS_V31, CVSS_V40));
        content.put("severity", "medium");
        content.put("cveId", cve);
        content.put("cweId", "CWE-863");
        content.put("cweName", "Incorrect Authorization");
        content.put("remediation", "Upgrade to the fixed versions.");
        content.put(
                "remediations",
                List.of(
                        Map.of(
                                "category", "vendor_fix",
                                "details", "Upgrade moqtail-broker to 0.1.4.",
                                "products", List.of("moqtail-broker"),
                                "url", "https://github.com/example/moqtail/releases/tag/v0.1.4"),
                        Map.of(
                                "category", "workaround",
                                "details", "Deny wildcard selectors at the edge.",
                                "products", List.of("moqtail-go"))));
        content.put(
                "productStatuses",
                List.of(
                        Map.of(
                                "product", "moqtail-broker",
                                "version", "0.0.9",
                                "status", "known_not_affected",
                                "justification", "vulnerable_code_not_present"),
                        Map.of(
                                "product", "moqtail-broker",
                                "version", "0.1.4",
                                "status", "fixed")));
        content.put(
                "references",
                List.of(
                        Map.of(
                                "url",
                                "https://github.com/example/moqtail/commit/abc123",
                                "type",
                                "fix")));
        content.put("changeSummary", "Products, scores and statuses");
        return content;
    }
}
