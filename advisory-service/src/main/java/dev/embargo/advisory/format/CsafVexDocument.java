package dev.embargo.advisory.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.AffectedProduct;
import dev.embargo.advisory.domain.AdvisoryContent.ProductStatus;
import dev.embargo.advisory.domain.PublishedAdvisory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The team's product statuses as a CSAF 2.0 {@code csaf_vex} document (CSAF 2.0 §4.5.5), published
 * next to the security advisory. It shares the advisory's document metadata (publisher, revision
 * history, notes) and states per product version: known affected (with the remediation as action
 * statement), known not affected (with the justification as flag and the impact statement as
 * threat), fixed or under investigation — what the profile's mandatory tests 6.1.27.x ask.
 */
public final class CsafVexDocument {

    /** What the VEX document's tracking id adds to the advisory's public id. */
    public static final String TRACKING_SUFFIX = "-VEX";

    private final CsafDocument advisoryDocument;
    private final PublicLinks links;

    public CsafVexDocument(CsafDocument advisoryDocument, PublicLinks links) {
        this.advisoryDocument = advisoryDocument;
        this.links = links;
    }

    /** The VEX document; empty for an advisory without product statuses. */
    public Optional<ObjectNode> render(PublishedAdvisory advisory) {
        AdvisoryContent content = advisory.content();
        if (content.productStatuses().isEmpty()) {
            return Optional.empty();
        }
        ObjectNode root = advisoryDocument.render(advisory);
        ObjectNode document = (ObjectNode) root.get("document");
        document.put("category", "csaf_vex");
        document.put("title", "VEX: " + content.title());
        ((ObjectNode) document.get("tracking")).put("id", advisory.publicId() + TRACKING_SUFFIX);
        ArrayNode references = document.putArray("references");
        references
                .addObject()
                .put("category", "self")
                .put("summary", "This VEX document")
                .put("url", links.csafVex(advisory.publicId(), advisory.initialReleaseDate()));
        references
                .addObject()
                .put("category", "self")
                .put("summary", "The security advisory (CSAF)")
                .put("url", links.csaf(advisory.publicId(), advisory.initialReleaseDate()));
        // The statements are about the advisory's own vulnerability: further ones stay out.
        ArrayNode vulnerabilities = (ArrayNode) root.get("vulnerabilities");
        while (vulnerabilities.size() > 1) {
            vulnerabilities.remove(1);
        }
        ObjectNode vulnerability = (ObjectNode) vulnerabilities.get(0);
        Map<String, List<String>> byStatus = productTree(root, advisory.programName(), content);
        vulnerability.remove(List.of("product_status", "remediations", "scores", "threats"));
        statuses(vulnerability, content, byStatus);
        return Optional.of(root);
    }

    /** One product version per statement; returns the product ids by status. */
    private static Map<String, List<String>> productTree(
            ObjectNode root, String vendor, AdvisoryContent content) {
        Map<String, List<String>> byStatus = new LinkedHashMap<>();
        ObjectNode vendorBranch = root.putObject("product_tree").putArray("branches").addObject();
        vendorBranch.put("category", "vendor").put("name", vendor);
        ArrayNode products = vendorBranch.putArray("branches");
        Map<String, ArrayNode> versionsByProduct = new LinkedHashMap<>();
        int next = 1;
        for (ProductStatus statement : content.productStatuses()) {
            ArrayNode versions =
                    versionsByProduct.computeIfAbsent(
                            statement.product(),
                            name -> {
                                ObjectNode branch = products.addObject();
                                branch.put("category", "product_name").put("name", name);
                                return branch.putArray("branches");
                            });
            String productId = "CSAFPID-V%04d".formatted(next++);
            ObjectNode version = versions.addObject();
            version.put("category", "product_version").put("name", statement.version());
            ObjectNode product =
                    version.putObject("product")
                            .put("name", statement.product() + " " + statement.version())
                            .put("product_id", productId);
            purl(content.affected(), statement)
                    .ifPresent(
                            purl ->
                                    product.putObject("product_identification_helper")
                                            .put("purl", purl));
            byStatus.computeIfAbsent(statement.status(), status -> new ArrayList<>())
                    .add(productId);
        }
        return byStatus;
    }

    private static void statuses(
            ObjectNode vulnerability, AdvisoryContent content, Map<String, List<String>> byStatus) {
        ObjectNode status = vulnerability.putObject("product_status");
        byStatus.forEach(
                (category, ids) -> {
                    ArrayNode products = status.putArray(category);
                    ids.forEach(products::add);
                });
        List<String> affected = byStatus.getOrDefault("known_affected", List.of());
        if (!affected.isEmpty()) {
            ObjectNode action = vulnerability.putArray("remediations").addObject();
            action.put("category", "vendor_fix").put("details", content.remediation());
            affected.forEach(action.putArray("product_ids")::add);
        }
        Map<String, List<String>> byJustification = new LinkedHashMap<>();
        ArrayNode threats = vulnerability.arrayNode();
        int statement = 0;
        for (ProductStatus product : content.productStatuses()) {
            String productId = "CSAFPID-V%04d".formatted(++statement);
            if (!ProductStatus.NOT_AFFECTED.equals(product.status())) {
                continue;
            }
            byJustification
                    .computeIfAbsent(product.justification(), label -> new ArrayList<>())
                    .add(productId);
            if (product.impact() != null) {
                threats.addObject()
                        .put("category", "impact")
                        .put("details", product.impact())
                        .putArray("product_ids")
                        .add(productId);
            }
        }
        if (!byJustification.isEmpty()) {
            ArrayNode flags = vulnerability.putArray("flags");
            byJustification.forEach(
                    (label, ids) -> {
                        ObjectNode flag = flags.addObject().put("label", label);
                        ids.forEach(flag.putArray("product_ids")::add);
                    });
        }
        if (!threats.isEmpty()) {
            vulnerability.set("threats", threats);
        }
    }

    /** The version's purl, when the product is an affected product identified by one. */
    private static Optional<String> purl(List<AffectedProduct> affected, ProductStatus statement) {
        return affected.stream()
                .filter(product -> product.product().equals(statement.product()))
                .map(AffectedProduct::purl)
                .filter(purl -> purl != null)
                .findFirst()
                .map(purl -> PackageCoordinates.parse(purl).withVersion(statement.version()));
    }
}
