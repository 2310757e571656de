package dev.embargo.advisory.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.AffectedProduct;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.domain.Vulnerability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A published advisory as an OSV record (OSV schema 1.6). Our ids are not a registered OSV home
 * database, so the record's id carries the {@code x_} prefix the schema reserves for such; the CVE
 * id, when there is one, is an alias.
 */
public final class OsvRecord {

    static final String SCHEMA_VERSION = "1.6.0";

    private final ObjectMapper json;
    private final PublicLinks links;

    public OsvRecord(ObjectMapper json, PublicLinks links) {
        this.json = json;
        this.links = links;
    }

    public ObjectNode render(PublishedAdvisory advisory) {
        AdvisoryContent content = advisory.content();
        ObjectNode record = json.createObjectNode();
        record.put("schema_version", SCHEMA_VERSION);
        record.put("id", id(advisory.publicId()));
        record.put("modified", advisory.currentReleaseDate().toString());
        record.put("published", advisory.initialReleaseDate().toString());
        if (content.cveId() != null) {
            record.putArray("aliases").add(content.cveId());
        }
        record.put("summary", content.title());
        record.put("details", content.summary() + "\n\n" + content.description());
        List<Cvss> scores = Cvss.of(content);
        if (!scores.isEmpty()) {
            ArrayNode severity = record.putArray("severity");
            scores.forEach(
                    cvss ->
                            severity.addObject()
                                    .put("type", cvss.isVersion3() ? "CVSS_V3" : "CVSS_V4")
                                    .put("score", cvss.vector()));
        }
        ArrayNode affected = record.putArray("affected");
        content.affected().forEach(product -> affected(affected.addObject(), product));
        ArrayNode references = record.putArray("references");
        references.addObject().put("type", "ADVISORY").put("url", links.page(advisory.publicId()));
        content.references()
                .forEach(
                        link ->
                                references
                                        .addObject()
                                        .put("type", References.osvType(link))
                                        .put("url", link.url()));
        // OSV's aliases name the same vulnerability: the advisory's further ones are related.
        List<String> related = new ArrayList<>(content.related());
        content.vulnerabilities().stream().map(Vulnerability::cveId).forEach(related::add);
        if (!related.isEmpty()) {
            related.forEach(record.putArray("related")::add);
        }
        if (!content.credits().isEmpty()) {
            ArrayNode credits = record.putArray("credits");
            content.credits()
                    .forEach(
                            credit ->
                                    credits.addObject()
                                            .put("name", credit.name())
                                            .put(
                                                    "type",
                                                    Credits.role(credit.role())
                                                            .toUpperCase(Locale.ROOT)
                                                            .replace(' ', '_')));
        }
        ObjectNode specific = record.putObject("database_specific");
        specific.put("program", advisory.programSlug());
        if (content.severity() != null) {
            specific.put("severity", content.severity());
        }
        if (content.hasCwe()) {
            specific.putArray("cwe_ids").add(content.cweId());
        }
        return record;
    }

    /** The OSV id of an advisory: {@code x_} plus its public id. */
    public static String id(String publicId) {
        return "x_" + publicId;
    }

    /**
     * One affected package: its purl, and the range in the ecosystem's scheme ({@code SEMVER} for
     * crates.io and Go, {@code ECOSYSTEM} for the others); a product that is no package is ranged
     * by semantic versions.
     */
    private static void affected(ObjectNode entry, AffectedProduct product) {
        Optional<PackageCoordinates> coordinates = PackageCoordinates.of(product.purl());
        boolean packaged = product.ecosystem() != null && product.packageName() != null;
        if (packaged) {
            ObjectNode package_ =
                    entry.putObject("package")
                            .put("ecosystem", product.ecosystem())
                            .put("name", product.packageName());
            coordinates.ifPresent(found -> package_.put("purl", found.packagePurl()));
        }
        UnaryOperator<String> version =
                coordinates
                        .<UnaryOperator<String>>map(found -> found::osvVersion)
                        .orElse(same -> same);
        ObjectNode range = entry.putArray("ranges").addObject();
        range.put(
                "type",
                coordinates
                        .map(PackageCoordinates::osvRangeType)
                        .orElse(packaged ? "ECOSYSTEM" : "SEMVER"));
        ArrayNode events = range.putArray("events");
        events.addObject()
                .put(
                        "introduced",
                        product.introduced() == null ? "0" : version.apply(product.introduced()));
        if (product.fixed() != null) {
            events.addObject().put("fixed", version.apply(product.fixed()));
        }
        entry.putObject("database_specific").put("product", product.product());
    }
}
