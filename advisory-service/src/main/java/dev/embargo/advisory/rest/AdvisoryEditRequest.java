package dev.embargo.advisory.rest;

import dev.embargo.advisory.domain.AdvisoryContent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A new revision of an advisory: the whole content (what is left out is removed) and what changed.
 * CVSS scores are computed from the vectors: {@code cvssVectors} takes one CVSS 3.x and one 4.0
 * vector, {@code cvssVector} (the field of old) one of either. The reporter's own credit follows
 * their choice and is not part of {@code credits}. {@code vulnerabilities} are those the advisory
 * covers besides its own (a merge adds them), each named by its CVE ID.
 */
public record AdvisoryEditRequest(
        @Size(max = 256) String title,
        @Size(max = 2000) String summary,
        @Size(max = 20000) String description,
        @Valid @Size(max = 50) List<AffectedProductRequest> affected,
        @Pattern(regexp = "^CVE-\\d{4}-\\d{4,19}$") String cveId,
        @Pattern(regexp = "^(CWE-[1-9]\\d{0,5}|NVD-CWE-noinfo)$") String cweId,
        @Size(max = 200) String cweName,
        @Pattern(regexp = CVSS) String cvssVector,
        @Size(max = 2) List<@Pattern(regexp = CVSS) String> cvssVectors,
        @Pattern(regexp = "^[a-z][a-z0-9-]{0,39}$") String severity,
        @Valid @Size(max = 20) List<CreditRequest> credits,
        @Valid @Size(max = 30) List<ReferenceRequest> references,
        @Size(max = 5000) String remediation,
        @Size(max = 5000) String workarounds,
        @NotBlank @Size(max = 500) String changeSummary,
        @Valid @Size(max = 200) List<ProductStatusRequest> productStatuses,
        Instant discoveredAt,
        @Size(max = 2000) String impact,
        @Size(max = 2000) String exploitStatus,
        @Valid @Size(max = 50) List<RemediationRequest> remediations,
        @Size(max = 20) List<@Pattern(regexp = "^CAPEC-[1-9]\\d{0,5}$") String> capecIds,
        @Size(max = 20) List<@Pattern(regexp = "^[A-Za-z][A-Za-z0-9._:-]{1,99}$") String> related,
        @Valid @Size(max = 50) List<VulnerabilityRequest> vulnerabilities) {

    /** A CVSS 3.0, 3.1 or 4.0 vector's shape; {@code CvssScore} parses it. */
    static final String CVSS = "^CVSS:(3\\.[01]|4\\.0)/[A-Za-z0-9:/]{1,300}$";

    /**
     * A CPE 2.3 formatted string or 2.2 URI, as the CSAF 2.0 schema's {@code cpe} pattern reads.
     */
    static final String CPE =
            "^(cpe:2\\.3:[aho\\*\\-](:(((\\?*|\\*?)([a-zA-Z0-9\\-\\._]|(\\\\[\\\\\\*\\?!\"#\\$%&'\\("
                + "\\)\\+,/:;<=>@\\[\\]\\^`\\{\\|\\}~]))+(\\?*|\\*?))|[\\*\\-])){5}(:(([a-zA-Z]{2,3}("
                + "-([a-zA-Z]{2}|[0-9]{3}))?)|[\\*\\-]))(:(((\\?*|\\*?)([a-zA-Z0-9\\-\\._]|(\\\\["
                + "\\\\\\*\\?!\"#\\$%&'\\(\\)\\+,/:;<=>@\\[\\]\\^`\\{\\|\\}~]))+(\\?*|\\*?))|[\\*\\-])){4})|"
                + "([c][pP][eE]:/[AHOaho]?(:[A-Za-z0-9\\._\\-~%]*){0,6})$";

    /**
     * CSAF and CVE records name a weakness by id and name together ({@code NVD-CWE-noinfo}, "not
     * enough information", needs no name).
     */
    @AssertTrue(message = "cweName is required with cweId")
    public boolean isCweNamed() {
        return cweId == null
                || AdvisoryContent.NOT_ENOUGH_INFORMATION.equals(cweId)
                || cweName != null && !cweName.isBlank();
    }

    /** A CVE ID names one vulnerability of the advisory: CSAF and OSV list each once. */
    @AssertTrue(
            message = "each CVE ID once: vulnerabilities[].cveId differ from cveId and each other")
    public boolean isEachCveIdOnce() {
        if (vulnerabilities == null) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        if (cveId != null) {
            seen.add(cveId);
        }
        return vulnerabilities.stream()
                .filter(vulnerability -> vulnerability != null && vulnerability.cveId() != null)
                .allMatch(vulnerability -> seen.add(vulnerability.cveId()));
    }

    /**
     * @param introduced the first affected version ({@code 0}: from the start)
     * @param fixed the first fixed version; null when there is no fix yet
     * @param ecosystem the OSV ecosystem; derived from the purl when left out
     * @param packageName the package's name there; derived from the purl when left out
     * @param purl the package URL without a version, e.g. {@code pkg:cargo/moqtail}
     * @param cpe a CPE 2.3 name (or 2.2 URI), as CSAF's product identification helper takes it
     */
    public record AffectedProductRequest(
            @NotBlank @Size(max = 200) String product,
            @Size(max = 100) @Pattern(regexp = "^\\S+$") String introduced,
            @Size(max = 100) @Pattern(regexp = "^\\S+$") String fixed,
            @Size(max = 60) String ecosystem,
            @Size(max = 200) String packageName,
            @Size(max = 1000) String purl,
            @Size(max = 300) @Pattern(regexp = CPE) String cpe) {}

    /**
     * A VEX statement about one product version; a version not affected says why, with one of the
     * CSAF VEX justifications.
     */
    public record ProductStatusRequest(
            @NotBlank @Size(max = 200) String product,
            @NotBlank @Size(max = 100) @Pattern(regexp = "^\\S+$") String version,
            @NotBlank
                    @Pattern(
                            regexp =
                                    "^(known_affected|known_not_affected|fixed|under_investigation)$")
                    String status,
            @Pattern(
                            regexp =
                                    "^(component_not_present|vulnerable_code_not_present"
                                            + "|vulnerable_code_cannot_be_controlled_by_adversary"
                                            + "|vulnerable_code_not_in_execute_path"
                                            + "|inline_mitigations_already_exist)$")
                    String justification,
            @Size(max = 2000) String impact) {

        @AssertTrue(message = "a known_not_affected version needs a justification, and only it")
        public boolean isJustifiedWhereNotAffected() {
            return AdvisoryContent.ProductStatus.NOT_AFFECTED.equals(status)
                    == (justification != null);
        }
    }

    public record CreditRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank
                    @Pattern(
                            regexp =
                                    "^(finder|reporter|analyst|coordinator|remediation-developer"
                                            + "|other)$")
                    String role) {}

    public record ReferenceRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$") String url,
            @Size(max = 200) String summary,
            @Pattern(regexp = "^(advisory|article|fix|report|package|web)$") String type) {}

    /**
     * What to do about the named affected products.
     *
     * @param products names of affected products of this advisory
     */
    public record RemediationRequest(
            @NotBlank @Pattern(regexp = "^(vendor_fix|workaround|mitigation|none_available)$")
                    String category,
            @NotBlank @Size(max = 5000) String details,
            @NotEmpty @Size(max = 50) List<@NotBlank String> products,
            @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$") String url,
            Instant date) {}

    /** A vulnerability besides the advisory's own, with what goes with it. */
    public record VulnerabilityRequest(
            @NotBlank @Pattern(regexp = "^CVE-\\d{4}-\\d{4,19}$") String cveId,
            @Size(max = 256) String title,
            @Size(max = 20000) String description,
            @Pattern(regexp = "^(CWE-[1-9]\\d{0,5}|NVD-CWE-noinfo)$") String cweId,
            @Size(max = 200) String cweName,
            @Size(max = 2) List<@Pattern(regexp = CVSS) String> cvssVectors,
            @Valid @Size(max = 50) List<AffectedProductRequest> affected,
            @Valid @Size(max = 50) List<RemediationRequest> remediations) {}
}
