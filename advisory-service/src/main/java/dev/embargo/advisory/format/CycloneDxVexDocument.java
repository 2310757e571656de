package dev.embargo.advisory.format;

import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.CveRejection;
import dev.embargo.advisory.domain.PublishedAdvisory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis.Justification;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis.Response;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis.State;
import org.cyclonedx.model.vulnerability.Vulnerability.Rating;

/**
 * The advisory's VEX statements ({@link VexStatement}, the team's and partners') as a CycloneDX 1.6
 * VEX document, built with CycloneDX's own Java model and written by its generator: one component
 * per product (version) stated about, its {@code bom-ref} the version's purl where there is one,
 * and one vulnerability entry per statement whose {@code analysis} gives the state, the
 * justification and the response, {@code affects} naming the component. The BOM keeps one serial
 * number across the advisory's versions and counts them in {@code version}; a withdrawal,
 * supersession or CVE rejection is said in each entry ({@code rejected}, the reason first in {@code
 * detail}).
 */
public final class CycloneDxVexDocument {

    /** How CSAF's flag labels read in CycloneDX's justifications. */
    private static final Map<String, Justification> JUSTIFICATIONS =
            Map.of(
                    "component_not_present", Justification.CODE_NOT_PRESENT,
                    "vulnerable_code_not_present", Justification.CODE_NOT_PRESENT,
                    "vulnerable_code_not_in_execute_path", Justification.CODE_NOT_REACHABLE,
                    "vulnerable_code_cannot_be_controlled_by_adversary",
                            Justification.REQUIRES_ENVIRONMENT,
                    "inline_mitigations_already_exist",
                            Justification.PROTECTED_BY_MITIGATING_CONTROL);

    /** How CSAF's product statuses read in CycloneDX's analysis states. */
    private static final Map<String, State> STATES =
            Map.of(
                    "known_affected", State.EXPLOITABLE,
                    "known_not_affected", State.NOT_AFFECTED,
                    "fixed", State.RESOLVED,
                    "under_investigation", State.IN_TRIAGE);

    private final PublicLinks links;
    private final CsafPublisher publisher;

    public CycloneDxVexDocument(PublicLinks links, CsafPublisher publisher) {
        this.links = links;
        this.publisher = publisher;
    }

    /** The CycloneDX VEX document as JSON; empty for an advisory without VEX statements. */
    public Optional<String> render(PublishedAdvisory advisory) {
        if (!advisory.hasVexStatements()) {
            return Optional.empty();
        }
        Bom bom = new Bom();
        bom.setSerialNumber(
                "urn:uuid:"
                        + UUID.nameUUIDFromBytes(
                                ("vex:" + advisory.advisoryId()).getBytes(StandardCharsets.UTF_8)));
        bom.setVersion(advisory.version());
        bom.setMetadata(metadata(advisory));
        Map<String, Component> components = new LinkedHashMap<>();
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        List<VexStatement> statements = VexStatement.of(advisory);
        for (int index = 0; index < statements.size(); index++) {
            VexStatement statement = statements.get(index);
            String ref = bomRef(statement);
            components.computeIfAbsent(ref, key -> component(statement, key));
            vulnerabilities.add(vulnerability(advisory, statement, ref, index));
        }
        bom.setComponents(new ArrayList<>(components.values()));
        bom.setVulnerabilities(vulnerabilities);
        try {
            return Optional.of(
                    BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString() + "\n");
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX documents always serialize", e);
        }
    }

    private Metadata metadata(PublishedAdvisory advisory) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(advisory.currentReleaseDate()));
        OrganizationalEntity supplier = new OrganizationalEntity();
        supplier.setName(publisher.name());
        supplier.setUrls(List.of(publisher.namespace()));
        metadata.setSupplier(supplier);
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName(Generator.NAME);
        Generator.version().ifPresent(tool::setVersion);
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        return metadata;
    }

    /** The version's purl where the product is a package; otherwise vendor, product and version. */
    private static String bomRef(VexStatement statement) {
        if (statement.purl() != null) {
            return statement.purl();
        }
        String product = statement.vendor() + "/" + statement.product();
        return statement.version() == null ? product : product + "@" + statement.version();
    }

    private static Component component(VexStatement statement, String ref) {
        Component component = new Component();
        component.setBomRef(ref);
        component.setType(
                statement.purl() != null ? Component.Type.LIBRARY : Component.Type.APPLICATION);
        component.setName(statement.product());
        component.setVersion(statement.version());
        component.setPurl(statement.purl());
        OrganizationalEntity supplier = new OrganizationalEntity();
        supplier.setName(statement.vendor());
        component.setSupplier(supplier);
        return component;
    }

    private Vulnerability vulnerability(
            PublishedAdvisory advisory, VexStatement statement, String ref, int index) {
        AdvisoryContent content = advisory.content();
        Vulnerability vulnerability = new Vulnerability();
        vulnerability.setBomRef("statement-" + (index + 1));
        vulnerability.setId(content.cveId() != null ? content.cveId() : advisory.publicId());
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(publisher.name());
        source.setUrl(advisory.url());
        vulnerability.setSource(source);
        ratings(content).forEach(vulnerability::addRating);
        if (content.hasCwe()) {
            vulnerability.addCwe(Integer.parseInt(content.cweId().substring("CWE-".length())));
        }
        vulnerability.setDescription(content.summary());
        vulnerability.setDetail(detail(advisory));
        vulnerability.setRecommendation(content.remediation());
        vulnerability.setWorkaround(content.workarounds());
        Vulnerability.Advisory page = new Vulnerability.Advisory();
        page.setTitle(advisory.publicId() + ": " + content.title());
        page.setUrl(advisory.url());
        vulnerability.addAdvisory(page);
        vulnerability.setPublished(Date.from(advisory.initialReleaseDate()));
        vulnerability.setUpdated(Date.from(advisory.currentReleaseDate()));
        rejected(advisory).ifPresent(date -> vulnerability.setRejected(Date.from(date)));
        vulnerability.setAnalysis(analysis(advisory, statement));
        Vulnerability.Affect affect = new Vulnerability.Affect();
        affect.setRef(ref);
        vulnerability.setAffects(List.of(affect));
        return vulnerability;
    }

    private static Analysis analysis(PublishedAdvisory advisory, VexStatement statement) {
        Analysis analysis = new Analysis();
        analysis.setState(STATES.get(statement.status()));
        if (statement.notAffected()) {
            analysis.setJustification(JUSTIFICATIONS.get(statement.justification()));
        }
        if (statement.affected() && !statement.byPartner()) {
            if (fixExists(advisory.content(), statement.product())) {
                analysis.addResponse(Response.UPDATE);
            }
            if (advisory.content().workarounds() != null) {
                analysis.addResponse(Response.WORKAROUND_AVAILABLE);
            }
        }
        String by = statement.byPartner() ? "Stated by " + statement.vendor() + "." : null;
        analysis.setDetail(
                statement.impact() == null
                        ? by
                        : by == null ? statement.impact() : by + " " + statement.impact());
        analysis.setFirstIssued(Date.from(advisory.initialReleaseDate()));
        analysis.setLastUpdated(Date.from(advisory.currentReleaseDate()));
        return analysis;
    }

    /** Whether the advisory names a fixed version of the product. */
    private static boolean fixExists(AdvisoryContent content, String product) {
        return content.affected().stream()
                .anyMatch(
                        affected -> affected.product().equals(product) && affected.fixed() != null);
    }

    private static List<Rating> ratings(AdvisoryContent content) {
        List<Rating> ratings = new ArrayList<>();
        if (content.cvssVector() != null && content.cvssScore() != null) {
            ratings.add(
                    rating(
                            content.cvssVector(),
                            content.cvssScore(),
                            content.cvssVector().startsWith("CVSS:4.0/")
                                    ? Rating.Method.CVSSV4
                                    : content.cvssVector().startsWith("CVSS:3.1/")
                                            ? Rating.Method.CVSSV31
                                            : Rating.Method.CVSSV3));
        }
        if (content.cvssV4Vector() != null && content.cvssV4Score() != null) {
            ratings.add(
                    rating(content.cvssV4Vector(), content.cvssV4Score(), Rating.Method.CVSSV4));
        }
        return ratings;
    }

    private static Rating rating(String vector, double score, Rating.Method method) {
        Rating rating = new Rating();
        rating.setVector(vector);
        rating.setScore(score);
        rating.setMethod(method);
        return rating;
    }

    /**
     * The advisory's description, after the reason when it was taken back or its CVE record
     * rejected.
     */
    private static String detail(PublishedAdvisory advisory) {
        String description = advisory.content().description();
        if (advisory.retraction() != null) {
            return advisory.retraction().revisionSummary() + " " + description;
        }
        if (advisory.cveRejection() != null) {
            return "CVE record rejected: " + advisory.cveRejection().reason() + " " + description;
        }
        return description;
    }

    /** When the advisory was withdrawn or superseded, or its CVE record rejected. */
    private static Optional<Instant> rejected(PublishedAdvisory advisory) {
        if (advisory.retraction() != null) {
            return Optional.of(advisory.retraction().date());
        }
        return Optional.ofNullable(advisory.cveRejection()).map(CveRejection::date);
    }
}
