package dev.embargo.advisory.domain;

import java.time.Instant;
import java.util.ArrayList;
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
 * @param cvssVector a CVSS 3.x vector (content written before CVSS 4.0 had its own field may hold a
 *     4.0 vector here); null when not scored
 * @param cvssScore the vector's base score; null without a vector
 * @param severity the program's severity level, e.g. {@code high}
 * @param credits who else is credited (the reporter's own credit follows their choice, not this
 *     list)
 * @param references further links (fix commit, release notes)
 * @param remediation what to do: upgrade to the fixed version, apply the patch
 * @param workarounds what to do until then; null when there is nothing
 * @param cvssV4Vector a CVSS 4.0 vector, scored next to the 3.x one; null when not scored
 * @param cvssV4Score its base score; null without a vector
 * @param productStatuses the team's statement per product and version (VEX): affected, not affected
 *     and why, fixed, or under investigation
 * @param discoveredAt when the vulnerability was found; null when not known
 * @param impact what an attacker gains, in words; null when the description says it
 * @param exploitStatus what is known of exploits (none known, proof of concept, exploited); null
 *     when not assessed
 * @param remediations what to do per product (vendor fix, workaround, mitigation, none available),
 *     with a link and a date
 * @param capecIds the attack patterns, e.g. {@code CAPEC-233}
 * @param related ids of related vulnerabilities in other databases (OSV {@code related})
 * @param vulnerabilities the further vulnerabilities the advisory covers besides its own (the CVE
 *     ID, weakness, scores, products and remediations above), each with its CVE ID: merged into it
 *     from another advisory, or edited in
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
        String workarounds,
        String cvssV4Vector,
        Double cvssV4Score,
        List<ProductStatus> productStatuses,
        Instant discoveredAt,
        String impact,
        String exploitStatus,
        List<Remediation> remediations,
        List<String> capecIds,
        List<String> related,
        List<Vulnerability> vulnerabilities) {

    /**
     * The explicit "not enough information" problem type CNA rules allow instead of a CWE, spelled
     * as NVD spells it.
     */
    public static final String NOT_ENOUGH_INFORMATION = "NVD-CWE-noinfo";

    public AdvisoryContent {
        affected = affected == null ? List.of() : List.copyOf(affected);
        credits = credits == null ? List.of() : List.copyOf(credits);
        references = references == null ? List.of() : List.copyOf(references);
        productStatuses = productStatuses == null ? List.of() : List.copyOf(productStatuses);
        remediations = remediations == null ? List.of() : List.copyOf(remediations);
        capecIds = capecIds == null ? List.of() : List.copyOf(capecIds);
        related = related == null ? List.of() : List.copyOf(related);
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
    }

    /** Every vulnerability the advisory covers, its own first. */
    public List<Vulnerability> allVulnerabilities() {
        List<Vulnerability> all = new ArrayList<>();
        all.add(
                new Vulnerability(
                        cveId,
                        title,
                        null,
                        cweId,
                        cweName,
                        cvssVector,
                        cvssScore,
                        cvssV4Vector,
                        cvssV4Score,
                        affected,
                        remediations));
        all.addAll(vulnerabilities);
        return all;
    }

    /**
     * The same content with this title and these references, covering these vulnerabilities: the
     * first becomes the advisory's own (the description stays the advisory's), the others further
     * ones.
     */
    public AdvisoryContent covering(
            String newTitle, List<Vulnerability> all, List<Reference> linked) {
        Vulnerability own = all.getFirst();
        return toBuilder()
                .title(newTitle)
                .affected(own.affected())
                .cveId(own.cveId())
                .cweId(own.cweId())
                .cweName(own.cweName())
                .cvssVector(own.cvssVector())
                .cvssScore(own.cvssScore())
                .references(linked)
                .cvssV4Vector(own.cvssV4Vector())
                .cvssV4Score(own.cvssV4Score())
                .remediations(own.remediations())
                .vulnerabilities(all.subList(1, all.size()))
                .build();
    }

    /**
     * The advisory's words about one further vulnerability, as a document renders it: its own
     * title, description, CVE ID, weakness, scores, products and remediations.
     */
    public AdvisoryContent about(Vulnerability vulnerability) {
        return toBuilder()
                .title(vulnerability.title() == null ? title : vulnerability.title())
                .description(
                        vulnerability.description() == null
                                ? description
                                : vulnerability.description())
                .affected(vulnerability.affected())
                .cveId(vulnerability.cveId())
                .cweId(vulnerability.cweId())
                .cweName(vulnerability.cweName())
                .cvssVector(vulnerability.cvssVector())
                .cvssScore(vulnerability.cvssScore())
                .cvssV4Vector(vulnerability.cvssV4Vector())
                .cvssV4Score(vulnerability.cvssV4Score())
                .productStatuses(List.of())
                .remediations(vulnerability.remediations())
                .vulnerabilities(List.of())
                .build();
    }

    /** Whether the weakness is a CWE entry (and not unclassified or "not enough information"). */
    public boolean hasCwe() {
        return cweId != null && !NOT_ENOUGH_INFORMATION.equals(cweId);
    }

    /** The same content with other credits (used to add the reporter's at publication). */
    public AdvisoryContent withCredits(List<Credit> resolved) {
        return toBuilder().credits(resolved).build();
    }

    /** Content built field by field, naming what it sets; what is not set is empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this content, to change some of it. */
    public Builder toBuilder() {
        return new Builder()
                .title(title)
                .summary(summary)
                .description(description)
                .affected(affected)
                .cveId(cveId)
                .cweId(cweId)
                .cweName(cweName)
                .cvssVector(cvssVector)
                .cvssScore(cvssScore)
                .severity(severity)
                .credits(credits)
                .references(references)
                .remediation(remediation)
                .workarounds(workarounds)
                .cvssV4Vector(cvssV4Vector)
                .cvssV4Score(cvssV4Score)
                .productStatuses(productStatuses)
                .discoveredAt(discoveredAt)
                .impact(impact)
                .exploitStatus(exploitStatus)
                .remediations(remediations)
                .capecIds(capecIds)
                .related(related)
                .vulnerabilities(vulnerabilities);
    }

    /** Names each field it sets, where the constructor would take 24 values by position. */
    public static final class Builder {

        private String title;
        private String summary;
        private String description;
        private List<AffectedProduct> affected;
        private String cveId;
        private String cweId;
        private String cweName;
        private String cvssVector;
        private Double cvssScore;
        private String severity;
        private List<Credit> credits;
        private List<Reference> references;
        private String remediation;
        private String workarounds;
        private String cvssV4Vector;
        private Double cvssV4Score;
        private List<ProductStatus> productStatuses;
        private Instant discoveredAt;
        private String impact;
        private String exploitStatus;
        private List<Remediation> remediations;
        private List<String> capecIds;
        private List<String> related;
        private List<Vulnerability> vulnerabilities;

        private Builder() {}

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder affected(List<AffectedProduct> affected) {
            this.affected = affected;
            return this;
        }

        public Builder cveId(String cveId) {
            this.cveId = cveId;
            return this;
        }

        public Builder cweId(String cweId) {
            this.cweId = cweId;
            return this;
        }

        public Builder cweName(String cweName) {
            this.cweName = cweName;
            return this;
        }

        public Builder cvssVector(String cvssVector) {
            this.cvssVector = cvssVector;
            return this;
        }

        public Builder cvssScore(Double cvssScore) {
            this.cvssScore = cvssScore;
            return this;
        }

        public Builder severity(String severity) {
            this.severity = severity;
            return this;
        }

        public Builder credits(List<Credit> credits) {
            this.credits = credits;
            return this;
        }

        public Builder references(List<Reference> references) {
            this.references = references;
            return this;
        }

        public Builder remediation(String remediation) {
            this.remediation = remediation;
            return this;
        }

        public Builder workarounds(String workarounds) {
            this.workarounds = workarounds;
            return this;
        }

        public Builder cvssV4Vector(String cvssV4Vector) {
            this.cvssV4Vector = cvssV4Vector;
            return this;
        }

        public Builder cvssV4Score(Double cvssV4Score) {
            this.cvssV4Score = cvssV4Score;
            return this;
        }

        public Builder productStatuses(List<ProductStatus> productStatuses) {
            this.productStatuses = productStatuses;
            return this;
        }

        public Builder discoveredAt(Instant discoveredAt) {
            this.discoveredAt = discoveredAt;
            return this;
        }

        public Builder impact(String impact) {
            this.impact = impact;
            return this;
        }

        public Builder exploitStatus(String exploitStatus) {
            this.exploitStatus = exploitStatus;
            return this;
        }

        public Builder remediations(List<Remediation> remediations) {
            this.remediations = remediations;
            return this;
        }

        public Builder capecIds(List<String> capecIds) {
            this.capecIds = capecIds;
            return this;
        }

        public Builder related(List<String> related) {
            this.related = related;
            return this;
        }

        public Builder vulnerabilities(List<Vulnerability> vulnerabilities) {
            this.vulnerabilities = vulnerabilities;
            return this;
        }

        public AdvisoryContent build() {
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
                    credits,
                    references,
                    remediation,
                    workarounds,
                    cvssV4Vector,
                    cvssV4Score,
                    productStatuses,
                    discoveredAt,
                    impact,
                    exploitStatus,
                    remediations,
                    capecIds,
                    related,
                    vulnerabilities);
        }
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
     * @param role {@code finder}, {@code reporter}, {@code analyst}, {@code coordinator}, {@code
     *     remediation-developer} or {@code other}
     */
    public record Credit(String name, String role) {

        /** Whether the credit is for finding or reporting (what a hall of fame thanks for). */
        public boolean foundOrReported() {
            return "finder".equals(role) || "reporter".equals(role);
        }
    }

    /**
     * A further link.
     *
     * @param type what it is: {@code advisory}, {@code article}, {@code fix}, {@code report},
     *     {@code package} or {@code web} (null: web)
     */
    public record Reference(String url, String summary, String type) {}

    /**
     * What to do about some products.
     *
     * @param category {@code vendor_fix}, {@code workaround}, {@code mitigation} or {@code
     *     none_available}
     * @param products the affected products' names it applies to
     * @param url where the fix or instructions are; null when none
     * @param date since when it is available; null when not said
     */
    public record Remediation(
            String category, String details, List<String> products, String url, Instant date) {}

    /**
     * What the team states about one version of a product, as CSAF's VEX profile has it.
     *
     * @param product the product's name (an affected product's name lends it its purl)
     * @param version the version the statement is about
     * @param status {@code known_affected}, {@code known_not_affected}, {@code fixed} or {@code
     *     under_investigation}
     * @param justification why a version is not affected, one of CSAF's flag labels (e.g. {@code
     *     vulnerable_code_not_present}); null for the other statuses
     * @param impact the impact statement in words; null when the justification says enough
     */
    public record ProductStatus(
            String product, String version, String status, String justification, String impact) {

        public static final String NOT_AFFECTED = "known_not_affected";
    }
}
