package dev.embargo.advisory.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.AffectedProduct;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.domain.SsvcAssessment;
import dev.embargo.advisory.domain.Vulnerability;
import dev.embargo.policy.model.DisclosurePolicy.AdvisoryNote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A published advisory as a CSAF 2.0 {@code csaf_security_advisory} (OASIS CSAF 2.0 §4.5):
 * TLP:WHITE, integer versioning, one revision-history entry per published revision, a product tree
 * of version ranges and fixed versions, and CVSS 3.x scores. CSAF 2.0's {@code scores} know only
 * CVSS 2 and 3: a CVSS 4.0 vector is given as a vulnerability note (category {@code other}), the
 * one place CSAF 2.0 allows it.
 */
public final class CsafDocument {

    static final String GENERATOR = "Embargo";

    private final ObjectMapper json;
    private final PublicLinks links;
    private final CsafPublisher publisher;

    public CsafDocument(ObjectMapper json, PublicLinks links, CsafPublisher publisher) {
        this.json = json;
        this.links = links;
        this.publisher = publisher;
    }

    public ObjectNode render(PublishedAdvisory advisory) {
        AdvisoryContent content = advisory.content();
        ObjectNode root = json.createObjectNode();
        ObjectNode document = root.putObject("document");
        if (!content.credits().isEmpty()) {
            ArrayNode acknowledgments = document.putArray("acknowledgments");
            Map<String, List<String>> namesByRole = new LinkedHashMap<>();
            content.credits()
                    .forEach(
                            credit ->
                                    namesByRole
                                            .computeIfAbsent(
                                                    Credits.role(credit.role()),
                                                    role -> new ArrayList<>())
                                            .add(credit.name()));
            namesByRole.forEach(
                    (role, names) -> {
                        ObjectNode thanks = acknowledgments.addObject();
                        names.forEach(thanks.putArray("names")::add);
                        thanks.put("summary", role);
                    });
        }
        document.put("category", "csaf_security_advisory");
        document.put("csaf_version", "2.0");
        ObjectNode distribution = document.putObject("distribution");
        distribution.put("text", "Public advisory: may be shared without restriction.");
        distribution
                .putObject("tlp")
                .put("label", "WHITE")
                .put("url", "https://www.first.org/tlp/");
        document.put("lang", "en");
        ArrayNode notes = document.putArray("notes");
        note(notes, "summary", "Summary", content.summary());
        if (advisory.legalDisclaimer() != null) {
            note(notes, "legal_disclaimer", "Legal disclaimer", advisory.legalDisclaimer());
        }
        for (AdvisoryNote programNote : advisory.programNotes()) {
            note(notes, programNote.category(), programNote.title(), programNote.text());
        }
        if (advisory.earlyBreak()) {
            note(
                    notes,
                    "general",
                    "Embargo",
                    "Published before the agreed date because the vulnerability is actively"
                            + " exploited.");
        }
        ObjectNode issuer = document.putObject("publisher");
        issuer.put("category", publisher.category());
        issuer.put("contact_details", publisher.contact());
        issuer.put("name", publisher.name());
        issuer.put("namespace", publisher.namespace());
        ArrayNode references = document.putArray("references");
        reference(
                references,
                "self",
                "This advisory (CSAF)",
                links.csaf(advisory.publicId(), advisory.initialReleaseDate()));
        reference(references, "self", "This advisory (HTML)", links.page(advisory.publicId()));
        if (advisory.postMortem() != null) {
            reference(references, "external", "Post-mortem", links.postMortem(advisory.publicId()));
        }
        content.references()
                .forEach(
                        link ->
                                reference(
                                        references,
                                        "external",
                                        link.summary() == null ? link.url() : link.summary(),
                                        link.url()));
        document.put("title", content.title());
        ObjectNode tracking = document.putObject("tracking");
        tracking.put("current_release_date", advisory.currentReleaseDate().toString());
        List<String> cveIds =
                content.allVulnerabilities().stream()
                        .map(Vulnerability::cveId)
                        .filter(Objects::nonNull)
                        .toList();
        if (!cveIds.isEmpty()) {
            cveIds.forEach(tracking.putArray("aliases")::add);
        }
        ObjectNode generator = tracking.putObject("generator");
        generator.put("date", advisory.currentReleaseDate().toString());
        ObjectNode engine = generator.putObject("engine").put("name", Generator.NAME);
        Generator.version().ifPresent(version -> engine.put("version", version));
        tracking.put("id", advisory.publicId());
        tracking.put("initial_release_date", advisory.initialReleaseDate().toString());
        ArrayNode history = tracking.putArray("revision_history");
        advisory.revisionHistory()
                .forEach(
                        revision ->
                                history.addObject()
                                        .put("date", revision.date().toString())
                                        .put("number", String.valueOf(revision.number()))
                                        .put("summary", revision.summary()));
        tracking.put("status", "final");
        tracking.put("version", String.valueOf(advisory.version()));

        List<Vulnerability> all = content.allVulnerabilities();
        List<ProductIds> ids =
                productTree(
                        root,
                        advisory.programName(),
                        all.stream().map(Vulnerability::affected).toList());
        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        vulnerability(
                vulnerabilities.addObject(), advisory, content, ids.getFirst(), advisory.ssvc());
        for (int i = 1; i < all.size(); i++) {
            vulnerability(
                    vulnerabilities.addObject(),
                    advisory,
                    content.about(all.get(i)),
                    ids.get(i),
                    null);
        }
        return root;
    }

    /**
     * The vendor → product → version branches: per product the affected range and, once fixed, the
     * first fixed version and the fixed range from it on, each identified by purl and CPE when
     * given. Each vulnerability's products have their own ids, returned in its order.
     */
    private List<ProductIds> productTree(
            ObjectNode root, String vendor, List<List<AffectedProduct>> affectedByVulnerability) {
        ObjectNode vendorBranch = root.putObject("product_tree").putArray("branches").addObject();
        vendorBranch.put("category", "vendor").put("name", vendor);
        ArrayNode products = vendorBranch.putArray("branches");
        List<ProductIds> all = new ArrayList<>();
        int next = 1;
        for (List<AffectedProduct> affected : affectedByVulnerability) {
            ProductIds ids =
                    new ProductIds(
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new LinkedHashMap<>());
            all.add(ids);
            next = productBranches(products, affected, ids, next);
        }
        return all;
    }

    /** The affected products' branches, numbered from {@code next}; returns the next number. */
    private static int productBranches(
            ArrayNode products, List<AffectedProduct> affected, ProductIds ids, int next) {
        for (AffectedProduct product : affected) {
            ObjectNode productBranch = products.addObject();
            productBranch.put("category", "product_name").put("name", product.product());
            ArrayNode versions = productBranch.putArray("branches");
            Optional<PackageCoordinates> coordinates = PackageCoordinates.of(product.purl());
            String affectedId = "CSAFPID-%04d".formatted(next++);
            ObjectNode affectedRange =
                    version(
                            versions,
                            "product_version_range",
                            vers(product),
                            product.product() + " " + range(product),
                            affectedId);
            identify(
                    affectedRange, coordinates.map(PackageCoordinates::packagePurl), product.cpe());
            ids.affected().add(affectedId);
            ids.byProduct().put(product.product(), affectedId);
            if (product.fixed() != null) {
                String firstFixedId = "CSAFPID-%04d".formatted(next++);
                ObjectNode firstFixed =
                        version(
                                versions,
                                "product_version",
                                product.fixed(),
                                product.product() + " " + product.fixed(),
                                firstFixedId);
                identify(
                        firstFixed,
                        coordinates.map(found -> found.withVersion(product.fixed())),
                        product.cpe());
                ids.firstFixed().add(firstFixedId);
                String fixedId = "CSAFPID-%04d".formatted(next++);
                ObjectNode fixedRange =
                        version(
                                versions,
                                "product_version_range",
                                versScheme(product) + "/>=" + product.fixed(),
                                product.product() + " " + product.fixed() + " and later",
                                fixedId);
                identify(
                        fixedRange,
                        coordinates.map(PackageCoordinates::packagePurl),
                        product.cpe());
                ids.fixed().add(fixedId);
            }
        }
        return next;
    }

    /** CSAF's product identification helper: how scanners match the product. */
    private static void identify(ObjectNode product, Optional<String> purl, String cpe) {
        if (purl.isEmpty() && cpe == null) {
            return;
        }
        ObjectNode helper = product.putObject("product_identification_helper");
        if (cpe != null) {
            helper.put("cpe", cpe);
        }
        purl.ifPresent(found -> helper.put("purl", found));
    }

    /**
     * One vulnerability of the advisory, described by {@code content}: its own, or a further one
     * (without the case's SSVC decision).
     */
    private void vulnerability(
            ObjectNode vulnerability,
            PublishedAdvisory advisory,
            AdvisoryContent content,
            ProductIds ids,
            SsvcAssessment ssvc) {
        if (content.cveId() != null) {
            vulnerability.put("cve", content.cveId());
        }
        vulnerability
                .putArray("ids")
                .addObject()
                .put("system_name", publisher.name())
                .put("text", advisory.publicId());
        if (content.hasCwe()) {
            vulnerability
                    .putObject("cwe")
                    .put("id", content.cweId())
                    .put("name", content.cweName());
        }
        if (content.discoveredAt() != null) {
            vulnerability.put("discovery_date", content.discoveredAt().toString());
        }
        vulnerability.put("release_date", advisory.initialReleaseDate().toString());
        ArrayNode notes = vulnerability.putArray("notes");
        note(notes, "description", "Description", content.description());
        Cvss.of(content).stream()
                .filter(cvss -> !cvss.isVersion3())
                .forEach(
                        cvss ->
                                note(
                                        notes,
                                        "other",
                                        "CVSS " + cvss.version().orElse("") + " score",
                                        cvss.score()
                                                + " ("
                                                + cvss.baseSeverity()
                                                + ") "
                                                + cvss.vector()));
        if (ssvc != null) {
            // CSAF 2.0 scores know CVSS only: the SSVC decision travels as a note.
            note(notes, "other", "SSVC", ssvc.decision().summary());
        }
        ObjectNode status = vulnerability.putObject("product_status");
        ids.affected().forEach(status.putArray("known_affected")::add);
        if (!ids.fixed().isEmpty()) {
            ids.firstFixed().forEach(status.putArray("first_fixed")::add);
            ids.fixed().forEach(status.putArray("fixed")::add);
        }
        ArrayNode remediations = vulnerability.putArray("remediations");
        remediation(remediations, "vendor_fix", content.remediation(), ids.affected());
        if (content.workarounds() != null) {
            remediation(remediations, "workaround", content.workarounds(), ids.affected());
        }
        content.remediations()
                .forEach(
                        remedy -> {
                            ObjectNode remediation =
                                    remediation(
                                            remediations,
                                            remedy.category(),
                                            remedy.details(),
                                            remedy.products().stream()
                                                    .map(ids.byProduct()::get)
                                                    .filter(Objects::nonNull)
                                                    .toList());
                            if (remedy.url() != null) {
                                remediation.put("url", remedy.url());
                            }
                            if (remedy.date() != null) {
                                remediation.put("date", remedy.date().toString());
                            }
                        });
        threats(vulnerability, content, ids.affected());
        if (!content.references().isEmpty()) {
            ArrayNode references = vulnerability.putArray("references");
            content.references()
                    .forEach(
                            link ->
                                    reference(
                                            references,
                                            "external",
                                            link.summary() == null
                                                    ? References.type(link)
                                                    : link.summary(),
                                            link.url()));
        }
        Cvss.of(content).stream()
                .filter(Cvss::isVersion3)
                .forEach(
                        cvss -> {
                            ObjectNode score = vulnerability.putArray("scores").addObject();
                            cvss.writeTo(score.putObject("cvss_v3"));
                            ids.affected().forEach(score.putArray("products")::add);
                        });
        vulnerability.put("title", content.title());
    }

    /** A version branch; returns its product, for identification helpers. */
    private static ObjectNode version(
            ArrayNode versions, String category, String name, String fullName, String productId) {
        ObjectNode branch = versions.addObject();
        branch.put("category", category).put("name", name);
        return branch.putObject("product").put("name", fullName).put("product_id", productId);
    }

    private static void note(ArrayNode notes, String category, String title, String text) {
        notes.addObject().put("category", category).put("text", text).put("title", title);
    }

    private static void reference(
            ArrayNode references, String category, String summary, String url) {
        references.addObject().put("category", category).put("summary", summary).put("url", url);
    }

    private static ObjectNode remediation(
            ArrayNode remediations, String category, String details, List<String> productIds) {
        ObjectNode remediation = remediations.addObject();
        remediation.put("category", category).put("details", details);
        productIds.forEach(remediation.putArray("product_ids")::add);
        return remediation;
    }

    /** The impact and exploit status the team assessed, for every affected product. */
    private static void threats(
            ObjectNode vulnerability, AdvisoryContent content, List<String> affected) {
        if (content.impact() == null && content.exploitStatus() == null) {
            return;
        }
        ArrayNode threats = vulnerability.putArray("threats");
        if (content.impact() != null) {
            ObjectNode impact = threats.addObject();
            impact.put("category", "impact").put("details", content.impact());
            affected.forEach(impact.putArray("product_ids")::add);
        }
        if (content.exploitStatus() != null) {
            threats.addObject()
                    .put("category", "exploit_status")
                    .put("details", content.exploitStatus());
        }
    }

    /**
     * The affected range in the {@code vers} notation CSAF recommends for version ranges, in the
     * package's own versioning scheme ({@code vers} names schemes by purl type).
     */
    static String vers(AffectedProduct product) {
        boolean fromStart = product.introduced() == null || product.introduced().equals("0");
        if (fromStart && product.fixed() == null) {
            return "vers:all/*";
        }
        String scheme = versScheme(product);
        if (fromStart) {
            return scheme + "/<" + product.fixed();
        }
        return product.fixed() == null
                ? scheme + "/>=" + product.introduced()
                : scheme + "/>=" + product.introduced() + "|<" + product.fixed();
    }

    private static String versScheme(AffectedProduct product) {
        return "vers:"
                + PackageCoordinates.of(product.purl())
                        .map(PackageCoordinates::versScheme)
                        .orElse("generic");
    }

    /** The affected range in words, for product names. */
    static String range(AffectedProduct product) {
        boolean fromStart = product.introduced() == null || product.introduced().equals("0");
        if (fromStart) {
            return product.fixed() == null ? "all versions" : "before " + product.fixed();
        }
        return product.fixed() == null
                ? product.introduced() + " and later"
                : product.introduced() + " to before " + product.fixed();
    }

    /** Product ids by status, and each affected product's range id by product name. */
    private record ProductIds(
            List<String> affected,
            List<String> firstFixed,
            List<String> fixed,
            Map<String, String> byProduct) {}
}
