package dev.embargo.advisory.mapping;

import dev.embargo.advisory.domain.Advisory;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.AffectedProduct;
import dev.embargo.advisory.domain.AdvisoryContent.Credit;
import dev.embargo.advisory.domain.AdvisoryContent.ProductStatus;
import dev.embargo.advisory.domain.AdvisoryContent.Reference;
import dev.embargo.advisory.domain.AdvisoryContent.Remediation;
import dev.embargo.advisory.domain.CveRejection;
import dev.embargo.advisory.domain.PartnerStatement;
import dev.embargo.advisory.domain.Retraction;
import dev.embargo.advisory.domain.Vulnerability;
import dev.embargo.advisory.format.Cvss;
import dev.embargo.advisory.format.PackageCoordinates;
import dev.embargo.advisory.format.PublicLinks;
import dev.embargo.advisory.rest.AdvisoryEditRequest;
import dev.embargo.advisory.rest.AdvisoryEditRequest.AffectedProductRequest;
import dev.embargo.advisory.rest.AdvisoryEditRequest.RemediationRequest;
import dev.embargo.advisory.rest.AdvisoryEditRequest.VulnerabilityRequest;
import dev.embargo.advisory.rest.AdvisorySummaryView;
import dev.embargo.advisory.rest.AdvisoryView;
import dev.embargo.advisory.rest.AuditEntryView;
import dev.embargo.advisory.rest.RevisionView;
import dev.embargo.advisory.service.Advisories.AuditEntry;
import dev.embargo.advisory.service.Advisories.RevisionContent;
import dev.embargo.advisory.service.AdvisoryDetails;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.policy.model.CvssScore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Between the wire and the domain for advisories. */
@ApplicationScoped
public class AdvisoryMapper {

    private final PublicLinks links;

    AdvisoryMapper(PublicLinks links) {
        this.links = links;
    }

    /**
     * The content of an edit; the CVSS score is computed from the vector, never taken from the
     * caller.
     */
    public AdvisoryContent toContent(AdvisoryEditRequest request) {
        List<CvssScore> scores = scores(request.cvssVector(), request.cvssVectors());
        Optional<CvssScore> version3 =
                scores.stream().filter(score -> !isVersion4(score)).findFirst();
        Optional<CvssScore> version4 =
                scores.stream().filter(AdvisoryMapper::isVersion4).findFirst();
        return AdvisoryContent.builder()
                .title(blankToNull(request.title()))
                .summary(blankToNull(request.summary()))
                .description(blankToNull(request.description()))
                .affected(
                        request.affected() == null
                                ? List.of()
                                : request.affected().stream()
                                        .map(AdvisoryMapper::toProduct)
                                        .toList())
                .cveId(request.cveId())
                .cweId(request.cweId())
                .cweName(blankToNull(request.cweName()))
                .cvssVector(version3.map(CvssScore::vector).orElse(null))
                .cvssScore(version3.map(CvssScore::baseScore).orElse(null))
                .severity(request.severity())
                .credits(
                        request.credits() == null
                                ? List.of()
                                : request.credits().stream()
                                        .map(
                                                credit ->
                                                        new Credit(
                                                                credit.name().strip(),
                                                                credit.role()))
                                        .toList())
                .references(
                        request.references() == null
                                ? List.of()
                                : request.references().stream()
                                        .map(
                                                reference ->
                                                        new Reference(
                                                                reference.url(),
                                                                blankToNull(reference.summary()),
                                                                reference.type()))
                                        .toList())
                .remediation(blankToNull(request.remediation()))
                .workarounds(blankToNull(request.workarounds()))
                .cvssV4Vector(version4.map(CvssScore::vector).orElse(null))
                .cvssV4Score(version4.map(CvssScore::baseScore).orElse(null))
                .productStatuses(
                        request.productStatuses() == null
                                ? List.of()
                                : request.productStatuses().stream()
                                        .map(
                                                status ->
                                                        new ProductStatus(
                                                                status.product().strip(),
                                                                status.version(),
                                                                status.status(),
                                                                status.justification(),
                                                                blankToNull(status.impact())))
                                        .toList())
                .discoveredAt(request.discoveredAt())
                .impact(blankToNull(request.impact()))
                .exploitStatus(blankToNull(request.exploitStatus()))
                .remediations(
                        request.remediations() == null
                                ? List.of()
                                : request.remediations().stream()
                                        .map(AdvisoryMapper::toRemediation)
                                        .toList())
                .capecIds(request.capecIds())
                .related(request.related())
                .vulnerabilities(
                        request.vulnerabilities() == null
                                ? List.of()
                                : request.vulnerabilities().stream()
                                        .map(AdvisoryMapper::toVulnerability)
                                        .toList())
                .build();
    }

    private static Vulnerability toVulnerability(VulnerabilityRequest request) {
        List<CvssScore> scores = scores(null, request.cvssVectors());
        Optional<CvssScore> version3 =
                scores.stream().filter(score -> !isVersion4(score)).findFirst();
        Optional<CvssScore> version4 =
                scores.stream().filter(AdvisoryMapper::isVersion4).findFirst();
        return new Vulnerability(
                request.cveId(),
                blankToNull(request.title()),
                blankToNull(request.description()),
                request.cweId(),
                blankToNull(request.cweName()),
                version3.map(CvssScore::vector).orElse(null),
                version3.map(CvssScore::baseScore).orElse(null),
                version4.map(CvssScore::vector).orElse(null),
                version4.map(CvssScore::baseScore).orElse(null),
                request.affected() == null
                        ? List.of()
                        : request.affected().stream().map(AdvisoryMapper::toProduct).toList(),
                request.remediations() == null
                        ? List.of()
                        : request.remediations().stream()
                                .map(AdvisoryMapper::toRemediation)
                                .toList());
    }

    private static Remediation toRemediation(RemediationRequest remediation) {
        return new Remediation(
                remediation.category(),
                remediation.details().strip(),
                remediation.products().stream().map(String::strip).toList(),
                remediation.url(),
                remediation.date());
    }

    /** Every vector given, scored; at most one per CVSS version (3.x and 4.0). */
    private static List<CvssScore> scores(String vector, List<String> cvssVectors) {
        List<String> vectors = new ArrayList<>();
        Optional.ofNullable(blankToNull(vector)).ifPresent(vectors::add);
        if (cvssVectors != null) {
            cvssVectors.stream()
                    .map(AdvisoryMapper::blankToNull)
                    .filter(Objects::nonNull)
                    .forEach(vectors::add);
        }
        List<CvssScore> scores = new ArrayList<>();
        for (String given : vectors) {
            try {
                scores.add(CvssScore.parse(given));
            } catch (IllegalArgumentException e) {
                throw invalidCvss("The CVSS vector does not parse.", e.getMessage());
            }
        }
        if (scores.stream().filter(AdvisoryMapper::isVersion4).count() > 1
                || scores.stream().filter(score -> !isVersion4(score)).count() > 1) {
            throw invalidCvss(
                    "One CVSS 3.x and one CVSS 4.0 vector at most.",
                    "two vectors of the same CVSS version");
        }
        return scores;
    }

    private static boolean isVersion4(CvssScore score) {
        return score.vector().startsWith("CVSS:4.0/");
    }

    private static ProblemException invalidCvss(String detail, String reason) {
        return new ProblemException(
                new Problem(
                        "https://embargo.dev/problems/invalid-cvss",
                        "Invalid CVSS vector",
                        422,
                        detail,
                        List.of(new Problem.FieldError("cvssVector", reason))));
    }

    /**
     * A product; a purl is parsed and written canonically by the purl library, and gives the
     * ecosystem and package name the team left out.
     */
    private static AffectedProduct toProduct(AffectedProductRequest product) {
        String purl = blankToNull(product.purl());
        String ecosystem = blankToNull(product.ecosystem());
        String packageName = blankToNull(product.packageName());
        if (purl != null) {
            PackageCoordinates coordinates = parsePurl(purl);
            purl = coordinates.packagePurl();
            ecosystem = ecosystem != null ? ecosystem : coordinates.osvEcosystem().orElse(null);
            packageName = packageName != null ? packageName : coordinates.packageName();
        }
        return new AffectedProduct(
                product.product().strip(),
                blankToNull(product.introduced()),
                blankToNull(product.fixed()),
                ecosystem,
                packageName,
                purl,
                blankToNull(product.cpe()));
    }

    private static PackageCoordinates parsePurl(String purl) {
        String reason;
        try {
            PackageCoordinates coordinates = PackageCoordinates.parse(purl);
            if (!coordinates.hasVersion()) {
                return coordinates;
            }
            reason =
                    "give the package without a version: versions are the introduced and fixed"
                            + " ones";
        } catch (IllegalArgumentException e) {
            reason = e.getMessage();
        }
        throw new ProblemException(
                new Problem(
                        "https://embargo.dev/problems/invalid-purl",
                        "Invalid package URL",
                        400,
                        "A product's purl is not a valid package URL.",
                        List.of(new Problem.FieldError("affected[].purl", reason))));
    }

    public AdvisoryView toView(AdvisoryDetails details) {
        Advisory advisory = details.advisory();
        boolean vex =
                !details.content().productStatuses().isEmpty()
                        || !PartnerStatement.besideTeam(
                                        details.partnerStatements(),
                                        details.content().productStatuses())
                                .isEmpty();
        AdvisoryView.PublicUrls urls =
                advisory.publishedAt == null
                        ? null
                        : new AdvisoryView.PublicUrls(
                                links.page(advisory.publicId),
                                links.csaf(advisory.publicId, advisory.publishedAt.toInstant()),
                                links.osv(advisory.publicId),
                                details.content().cveId() == null
                                        ? null
                                        : links.cve(advisory.publicId),
                                vex
                                        ? links.csafVex(
                                                advisory.publicId, advisory.publishedAt.toInstant())
                                        : null,
                                vex ? links.cycloneDxVex(advisory.publicId) : null);
        return new AdvisoryView(
                advisory.id.toString(),
                advisory.publicId,
                advisory.programSlug,
                advisory.trackingId,
                advisory.state.name().toLowerCase(),
                advisory.currentRevision,
                instant(advisory.liftAt),
                instant(advisory.publishedAt),
                advisory.earlyBreak,
                details.content(),
                details.postMortem(),
                details.postMortemRequired(),
                details.postMortemDueAt(),
                urls,
                Retraction.of(advisory, links::page),
                CveRejection.of(advisory),
                details.partnerStatements(),
                Cvss.contradictions(details.content().severity(), Cvss.of(details.content())));
    }

    public AdvisorySummaryView toSummary(Advisory advisory) {
        return new AdvisorySummaryView(
                advisory.id.toString(),
                advisory.publicId,
                advisory.programSlug,
                advisory.trackingId,
                advisory.state.name().toLowerCase(),
                advisory.currentRevision,
                instant(advisory.liftAt),
                instant(advisory.publishedAt));
    }

    public RevisionView toView(RevisionContent kept) {
        return new RevisionView(
                kept.revision().number,
                kept.revision().changeSummary,
                kept.revision().editedBy,
                instant(kept.revision().editedAt),
                instant(kept.revision().publishedAt),
                kept.content());
    }

    public AuditEntryView toView(AuditEntry kept) {
        return new AuditEntryView(
                kept.entry().action, kept.entry().actor, kept.detail(), instant(kept.entry().at));
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
