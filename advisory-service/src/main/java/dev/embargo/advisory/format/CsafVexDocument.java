package dev.embargo.advisory.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.PublishedAdvisory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The team's product statuses and partners' statements ({@link VexStatement}) as a CSAF 2.0 {@code
 * csaf_vex} document (CSAF 2.0 §4.5.5), published next to the security advisory. It shares the
 * advisory's document metadata (publisher, revision history, notes) and states per product (vendor,
 * product, version): known affected (with the remediation as action statement), known not affected
 * (with the justification as flag and the impact statement as threat), fixed or under investigation
 * — what the profile's mandatory tests 6.1.27.x ask.
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

    /**
     * The VEX document; empty for an advisory without product statuses, the team's or partners'.
     */
    public Optional<ObjectNode> render(PublishedAdvisory advisory) {
        if (!advisory.hasVexStatements()) {
            return Optional.empty();
        }
        AdvisoryContent content = advisory.content();
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
        references
                .addObject()
                .put("category", "external")
                .put("summary", "The same statements as CycloneDX VEX")
                .put("url", links.cycloneDxVex(advisory.publicId()));
        List<VexStatement> statements = VexStatement.of(advisory);
        productTree(root, statements);
        // The statements are about the advisory's own vulnerability: further ones stay out.
        ArrayNode vulnerabilities = (ArrayNode) root.get("vulnerabilities");
        while (vulnerabilities.size() > 1) {
            vulnerabilities.remove(1);
        }
        ObjectNode vulnerability = (ObjectNode) vulnerabilities.get(0);
        vulnerability.remove(List.of("product_status", "remediations", "scores", "threats"));
        statuses(vulnerability, content, statements);
        return Optional.of(root);
    }

    /** The product id of the statement at this index. */
    private static String productId(int index) {
        return "CSAFPID-V%04d".formatted(index + 1);
    }

    /** Vendor, then product, then (when stated) version; one product per statement. */
    private static void productTree(ObjectNode root, List<VexStatement> statements) {
        ArrayNode vendors = root.putObject("product_tree").putArray("branches");
        Map<String, ArrayNode> productsByVendor = new LinkedHashMap<>();
        Map<List<String>, ArrayNode> versionsByProduct = new LinkedHashMap<>();
        for (int index = 0; index < statements.size(); index++) {
            VexStatement statement = statements.get(index);
            ArrayNode products =
                    productsByVendor.computeIfAbsent(
                            statement.vendor(),
                            vendor -> {
                                ObjectNode branch = vendors.addObject();
                                branch.put("category", "vendor").put("name", vendor);
                                return branch.putArray("branches");
                            });
            ObjectNode leaf;
            if (statement.version() == null) {
                leaf = products.addObject();
                leaf.put("category", "product_name").put("name", statement.product());
            } else {
                leaf =
                        versionsByProduct
                                .computeIfAbsent(
                                        List.of(statement.vendor(), statement.product()),
                                        key -> {
                                            ObjectNode branch = products.addObject();
                                            branch.put("category", "product_name")
                                                    .put("name", statement.product());
                                            return branch.putArray("branches");
                                        })
                                .addObject();
                leaf.put("category", "product_version").put("name", statement.version());
            }
            ObjectNode product =
                    leaf.putObject("product")
                            .put("name", statement.fullName())
                            .put("product_id", productId(index));
            if (statement.purl() != null) {
                product.putObject("product_identification_helper").put("purl", statement.purl());
            }
        }
    }

    private static void statuses(
            ObjectNode vulnerability, AdvisoryContent content, List<VexStatement> statements) {
        Map<String, List<String>> byStatus = new LinkedHashMap<>();
        Map<String, List<String>> byJustification = new LinkedHashMap<>();
        List<String> teamAffected = new ArrayList<>();
        ArrayNode partnerActions = vulnerability.arrayNode();
        ArrayNode threats = vulnerability.arrayNode();
        for (int index = 0; index < statements.size(); index++) {
            VexStatement statement = statements.get(index);
            String productId = productId(index);
            byStatus.computeIfAbsent(statement.status(), status -> new ArrayList<>())
                    .add(productId);
            if (statement.affected() && !statement.byPartner()) {
                teamAffected.add(productId);
            } else if (statement.affected()) {
                // The profile asks an action statement of every affected product; the team
                // publishes none for a partner's product.
                partnerActions
                        .addObject()
                        .put("category", "none_available")
                        .put(
                                "details",
                                statement.vendor()
                                        + " states that it is affected and tells its users what"
                                        + " to do.")
                        .putArray("product_ids")
                        .add(productId);
            }
            if (statement.notAffected()) {
                byJustification
                        .computeIfAbsent(statement.justification(), label -> new ArrayList<>())
                        .add(productId);
                if (statement.impact() != null) {
                    threats.addObject()
                            .put("category", "impact")
                            .put("details", statement.impact())
                            .putArray("product_ids")
                            .add(productId);
                }
            }
        }
        ObjectNode status = vulnerability.putObject("product_status");
        byStatus.forEach((category, ids) -> ids.forEach(status.putArray(category)::add));
        if (!teamAffected.isEmpty() || !partnerActions.isEmpty()) {
            ArrayNode remediations = vulnerability.putArray("remediations");
            if (!teamAffected.isEmpty()) {
                ObjectNode action = remediations.addObject();
                action.put("category", "vendor_fix").put("details", content.remediation());
                teamAffected.forEach(action.putArray("product_ids")::add);
            }
            remediations.addAll(partnerActions);
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
}
