package dev.embargo.advisory.format;

import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.AffectedProduct;
import dev.embargo.advisory.domain.AdvisoryContent.Credit;
import dev.embargo.advisory.domain.AdvisoryContent.ProductStatus;
import dev.embargo.advisory.domain.AdvisoryContent.Reference;
import dev.embargo.advisory.domain.AdvisoryContent.Remediation;
import dev.embargo.advisory.domain.PartnerStatement;
import dev.embargo.advisory.domain.PostMortem;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.domain.PublishedAdvisory.RevisionNote;
import dev.embargo.advisory.domain.Retraction;
import dev.embargo.advisory.domain.SsvcAssessment;
import dev.embargo.policy.model.DisclosurePolicy.AdvisoryNote;
import dev.embargo.policy.ssvc.SsvcDecisionTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Published advisories as the formats meet them: fully filled in, and as sparse as publication
 * allows.
 */
final class SampleAdvisories {

    static final Instant FIRST = Instant.parse("2026-11-20T09:00:00Z");
    static final Instant SECOND = Instant.parse("2026-11-24T16:30:00.123456Z");
    static final Instant CVE_RESERVED = Instant.parse("2026-11-02T08:15:00Z");
    static final String LEGAL_DISCLAIMER =
            "Provided as is, without warranty of any kind.\nUse at your own risk.";
    static final List<AdvisoryNote> PROGRAM_NOTES =
            List.of(
                    new AdvisoryNote("faq", "Questions", "Write to security@moqtail.example."),
                    new AdvisoryNote(
                            "general", "Scores", "Scores are the team's.\nVendors may differ."));

    private SampleAdvisories() {}

    /** An SSVC decision as staff record it: a public proof of concept, decided Track*. */
    static final SsvcAssessment SSVC =
            new SsvcAssessment(
                    SsvcDecisionTable.CISA_COORDINATOR.decide(
                            Map.of(
                                    "Exploitation", "public poc",
                                    "Automatable", "no",
                                    "Technical Impact", "total",
                                    "Mission and Well-Being Impact", "medium")),
                    null,
                    Instant.parse("2026-11-18T12:00:00Z"));

    /**
     * Two published versions, CVE and CWE, CVSS 3.1 and 4.0, SSVC, crates.io and Go packages,
     * credits, references, VEX statements, a post-mortem.
     */
    static PublishedAdvisory complete() {
        AdvisoryContent content =
                AdvisoryContent.builder()
                        .title("Selector bypass exposes topics beyond the subscriber's role")
                        .summary(
                                "A crafted selector lets a subscriber read topics its role does not"
                                        + " allow.")
                        .description(
                                "The selector parser accepts a wildcard after a negation, which the"
                                        + " authorization check\n"
                                        + "does not expand.")
                        .affected(
                                List.of(
                                        new AffectedProduct(
                                                "moqtail-broker",
                                                "0.1.0",
                                                "0.1.4",
                                                "crates.io",
                                                "moqtail",
                                                "pkg:cargo/moqtail",
                                                "cpe:2.3:a:example:moqtail:*:*:*:*:*:*:*:*"),
                                        new AffectedProduct(
                                                "moqtail-cli", "0", null, null, null, null, null),
                                        new AffectedProduct(
                                                "moqtail-go",
                                                "v0.2.0",
                                                "v0.2.3",
                                                "Go",
                                                "github.com/example/moqtail-go",
                                                "pkg:golang/github.com/example/moqtail-go",
                                                null)))
                        .cveId("CVE-1900-12345")
                        .cweId("CWE-863")
                        .cweName("Incorrect Authorization")
                        .cvssVector("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N")
                        .cvssScore(6.5)
                        .severity("medium")
                        .credits(
                                List.of(
                                        new Credit("Ada Lovelace", "finder"),
                                        new Credit("An anonymous researcher", "finder"),
                                        new Credit("Grace Hopper", "remediation-developer"),
                                        new Credit("Alan Turing", "analyst")))
                        .references(
                                List.of(
                                        new Reference(
                                                "https://github.com/example/moqtail/commit/abc123",
                                                "Fix",
                                                "fix")))
                        .remediation("Upgrade moqtail-broker to 0.1.4.")
                        .workarounds("Deny wildcard selectors at the edge.")
                        .cvssV4Vector(
                                "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N")
                        .cvssV4Score(7.1)
                        .productStatuses(
                                List.of(
                                        new ProductStatus(
                                                "moqtail-broker",
                                                "0.1.3",
                                                "known_affected",
                                                null,
                                                null),
                                        new ProductStatus(
                                                "moqtail-broker", "0.1.4", "fixed", null, null),
                                        new ProductStatus(
                                                "moqtail-broker",
                                                "0.0.9",
                                                "known_not_affected",
                                                "vulnerable_code_not_present",
                                                "Selectors arrived in 0.1.0."),
                                        new ProductStatus(
                                                "moqtail-cli",
                                                "2.0.0",
                                                "known_not_affected",
                                                "component_not_present",
                                                null),
                                        new ProductStatus(
                                                "moqtail-go",
                                                "v0.2.2",
                                                "under_investigation",
                                                null,
                                                null)))
                        .discoveredAt(Instant.parse("2026-11-02T10:00:00Z"))
                        .impact("Read access to every topic of the broker.")
                        .exploitStatus("No exploitation known.")
                        .remediations(
                                List.of(
                                        new Remediation(
                                                "vendor_fix",
                                                "Upgrade moqtail-broker to 0.1.4.",
                                                List.of("moqtail-broker"),
                                                "https://github.com/example/moqtail/releases/tag/v0.1.4",
                                                FIRST),
                                        new Remediation(
                                                "none_available",
                                                "No fix for the CLI yet.",
                                                List.of("moqtail-cli"),
                                                null,
                                                null)))
                        .capecIds(List.of("CAPEC-233"))
                        .related(List.of("GHSA-xxxx-yyyy-zzzz"))
                        .build();
        return new PublishedAdvisory(
                "9d5c2b3e-6a53-4c1e-9a6a-8d6c1f0f2a11",
                "EMB-2026-0007",
                "moqtail",
                "MoQTail",
                2,
                content,
                FIRST,
                SECOND,
                List.of(
                        new RevisionNote(1, FIRST, "Initial public release."),
                        new RevisionNote(2, SECOND, "Post-mortem published")),
                false,
                new PostMortem("Summary", "Timeline", "Root cause", "Lessons", SECOND),
                "https://advisories.example/advisories/EMB-2026-0007",
                null,
                null,
                SSVC,
                List.of(),
                CVE_RESERVED,
                LEGAL_DISCLAIMER,
                PROGRAM_NOTES);
    }

    /** One version, no CVE, CWE or references, a CVSS 4.0 vector, no fix yet, published early. */
    static PublishedAdvisory sparse() {
        AdvisoryContent content =
                AdvisoryContent.builder()
                        .title("Unbounded window state")
                        .summary("Memory grows without bound.")
                        .description("A peer can keep windows open forever.")
                        .affected(
                                List.of(
                                        new AffectedProduct(
                                                "pea2pea", null, null, null, null, null, null)))
                        .severity("high")
                        .remediation("No fix yet: limit connections per peer.")
                        .cvssV4Vector(
                                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N")
                        .cvssV4Score(8.7)
                        .build();
        return new PublishedAdvisory(
                "0b8e3a44-31a6-4d0c-8c6e-7e2f0b6b9c01",
                "EMB-2026-0008",
                "pea2pea",
                "pea2pea",
                1,
                content,
                FIRST,
                FIRST,
                List.of(new RevisionNote(1, FIRST, "Initial public release.")),
                true,
                null,
                "https://advisories.example/advisories/EMB-2026-0008",
                null);
    }

    /** The same advisory with a CVE id (test ids use the reserved year 1900). */
    static PublishedAdvisory withCveId(PublishedAdvisory advisory, String cveId) {
        AdvisoryContent content = advisory.content();
        return new PublishedAdvisory(
                advisory.advisoryId(),
                advisory.publicId(),
                advisory.programSlug(),
                advisory.programName(),
                advisory.version(),
                content.toBuilder().cveId(cveId).build(),
                advisory.initialReleaseDate(),
                advisory.currentReleaseDate(),
                advisory.revisionHistory(),
                advisory.earlyBreak(),
                advisory.postMortem(),
                advisory.url(),
                advisory.retraction(),
                advisory.cveRejection(),
                advisory.ssvc(),
                advisory.partnerStatements(),
                advisory.cveReservedAt(),
                advisory.legalDisclaimer(),
                advisory.programNotes());
    }

    /** The same advisory with partners' statements and, when given, withdrawn at its release. */
    static PublishedAdvisory withPartnerStatements(
            PublishedAdvisory advisory, String withdrawalReason, PartnerStatement... statements) {
        return new PublishedAdvisory(
                advisory.advisoryId(),
                advisory.publicId(),
                advisory.programSlug(),
                advisory.programName(),
                advisory.version(),
                advisory.content(),
                advisory.initialReleaseDate(),
                advisory.currentReleaseDate(),
                advisory.revisionHistory(),
                advisory.earlyBreak(),
                advisory.postMortem(),
                advisory.url(),
                withdrawalReason == null
                        ? null
                        : new Retraction(
                                Retraction.Kind.WITHDRAWN,
                                withdrawalReason,
                                null,
                                null,
                                advisory.currentReleaseDate()),
                null,
                advisory.ssvc(),
                List.of(statements),
                advisory.cveReservedAt(),
                advisory.legalDisclaimer(),
                advisory.programNotes());
    }
}
