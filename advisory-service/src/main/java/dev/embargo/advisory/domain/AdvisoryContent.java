package dev.embargo.advisory.domain;

import java.util.List;

/**
 * What an advisory says, as publishers edit it. Kept sealed in each {@link AdvisoryRevision} until
 * publication; every published format is drawn from it.
 *
 * @param title one line naming the flaw and the product
 * @param summary a short paragraph for feeds and lists
 * @param description the full explanation
 * @param affected products and the version ranges affected, with the fixed version
 * @param cveId the CVE id, e.g. {@code CVE-2026-12345}; null when none was assigned
 * @param cweId the weakness, e.g. {@code CWE-79}, or {@link #NOT_ENOUGH_INFORMATION} when the team
 *     says it cannot tell; null when not classified
 * @param cweName the weakness' name as CWE spells it; null without a CWE id
 * @param cvssVector a CVSS 3.x or 4.0 vector; null when not scored
 * @param cvssScore the vector's base score; null without a vector
 * @param severity the program's severity level, e.g. {@code high}
 * @param credits who else is credited (the reporter's own credit follows their choice, not this
 *     list)
 * @param references further links (fix commit, release notes)
 * @param remediation what to do: upgrade to the fixed version, apply the patch
 * @param workarounds what to do until then; null when there is nothing
 */
public record AdvisoryContent(
        String title,
        String summary,
        String description,
        List<AffectedProduct> affected,
        String cveId,
        String cweId,
        String cweName,
        String cvssVector,
        Double cvssScore,
        String severity,
        List<Credit> credits,
        List<Reference> references,
        String remediation,
        String workarounds) {

    /**
     * The explicit "not enough information" problem type CNA rules allow instead of a CWE, spelled
     * as NVD spells it.
     */
    public static final String NOT_ENOUGH_INFORMATION = "NVD-CWE-noinfo";

    public AdvisoryContent {
        affected = affected == null ? List.of() : List.copyOf(affected);
        credits = credits == null ? List.of() : List.copyOf(credits);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** Whether the weakness is a CWE entry (and not unclassified or "not enough information"). */
    public boolean hasCwe() {
        return cweId != null && !NOT_ENOUGH_INFORMATION.equals(cweId);
    }

    /** The same content with other credits (used to add the reporter's at publication). */
    public AdvisoryContent withCredits(List<Credit> resolved) {
        return new AdvisoryContent(
                title,
                summary,
                description,
                affected,
                cveId,
                cweId,
                cweName,
                cvssVector,
                cvssScore,
                severity,
                resolved,
                references,
                remediation,
                workarounds);
    }

    /**
     * One affected product: versions from {@code introduced} (inclusive) up to {@code fixed}
     * (exclusive; null when no fix exists yet).
     *
     * @param ecosystem the OSV ecosystem (e.g. {@code crates.io}, {@code Go}) when the product is a
     *     package there
     * @param packageName the package's name in that ecosystem
     * @param purl the package URL without version (scanners match products by it); null when the
     *     product is no package
     * @param cpe the product's CPE 2.3 (or 2.2) name when the team gives one
     */
    public record AffectedProduct(
            String product,
            String introduced,
            String fixed,
            String ecosystem,
            String packageName,
            String purl,
            String cpe) {}

    /**
     * A credit line.
     *
     * @param name how the person or organisation is named
     * @param role {@code finder}, {@code reporter}, {@code coordinator}, {@code
     *     remediation-developer} or {@code other}
     */
    public record Credit(String name, String role) {}

    public record Reference(String url, String summary) {}
}
