package dev.embargo.advisory.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.AffectedProduct;
import dev.embargo.advisory.domain.PublishedAdvisory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A published advisory with a CVE id as a CVE JSON 5 record, the CNA container filled in as a CNA
 * would submit it. Advisories without a CVE id have no record.
 */
public final class CveRecord {

    static final String DATA_VERSION = "5.1";

    private final ObjectMapper json;
    private final PublicLinks links;
    private final String assignerOrgId;
    private final String assignerShortName;

    public CveRecord(
            ObjectMapper json, PublicLinks links, String assignerOrgId, String assignerShortName) {
        this.json = json;
        this.links = links;
        this.assignerOrgId = assignerOrgId;
        this.assignerShortName = assignerShortName;
    }

    public Optional<ObjectNode> render(PublishedAdvisory advisory) {
        AdvisoryContent content = advisory.content();
        if (content.cveId() == null) {
            return Optional.empty();
        }
        ObjectNode record = json.createObjectNode();
        record.put("dataType", "CVE_RECORD");
        record.put("dataVersion", DATA_VERSION);
        ObjectNode metadata = record.putObject("cveMetadata");
        metadata.put("cveId", content.cveId());
        metadata.put("assignerOrgId", assignerOrgId);
        metadata.put("assignerShortName", assignerShortName);
        metadata.put("state", "PUBLISHED");
        if (advisory.cveReservedAt() != null) {
            metadata.put("dateReserved", advisory.cveReservedAt().toString());
        }
        metadata.put("datePublished", advisory.initialReleaseDate().toString());
        metadata.put("dateUpdated", advisory.currentReleaseDate().toString());

        ObjectNode cna = record.putObject("containers").putObject("cna");
        cna.putObject("providerMetadata")
                .put("orgId", assignerOrgId)
                .put("shortName", assignerShortName)
                .put("dateUpdated", advisory.currentReleaseDate().toString());
        cna.put("title", content.title());
        cna.put("datePublic", advisory.initialReleaseDate().toString());
        cna.putArray("descriptions")
                .addObject()
                .put("lang", "en")
                .put("value", content.summary() + "\n\n" + content.description());
        ArrayNode affected = cna.putArray("affected");
        content.affected()
                .forEach(
                        product -> affected(affected.addObject(), advisory.programName(), product));
        if (content.cweId() != null) {
            ObjectNode problemType =
                    cna.putArray("problemTypes")
                            .addObject()
                            .putArray("descriptions")
                            .addObject()
                            .put("lang", "en");
            if (content.hasCwe()) {
                problemType
                        .put("description", content.cweId() + " " + content.cweName())
                        .put("cweId", content.cweId())
                        .put("type", "CWE");
            } else {
                problemType.put("description", CveRecordRules.NOT_ENOUGH_INFORMATION);
            }
        }
        List<Cvss> scores = Cvss.of(content);
        if (!scores.isEmpty()) {
            ArrayNode metrics = metrics(cna);
            scores.forEach(
                    cvss ->
                            cvss.writeTo(
                                    metrics.addObject()
                                            .putObject(
                                                    "cvssV"
                                                            + cvss.version()
                                                                    .orElseThrow()
                                                                    .replace('.', '_'))));
        }
        if (advisory.ssvc() != null) {
            metrics(cna)
                    .addObject()
                    .putObject("other")
                    .put("type", "ssvc")
                    .set(
                            "content",
                            json.valueToTree(
                                    advisory.ssvc()
                                            .decision()
                                            .cisaAdpContent(
                                                    content.cveId(), advisory.ssvc().decidedAt())));
        }
        cna.putArray("solutions").addObject().put("lang", "en").put("value", content.remediation());
        if (content.workarounds() != null) {
            cna.putArray("workarounds")
                    .addObject()
                    .put("lang", "en")
                    .put("value", content.workarounds());
        }
        if (!content.credits().isEmpty()) {
            ArrayNode credits = cna.putArray("credits");
            content.credits()
                    .forEach(
                            credit ->
                                    credits.addObject()
                                            .put("lang", "en")
                                            .put("value", credit.name())
                                            .put("type", Credits.role(credit.role())));
        }
        ArrayNode references = cna.putArray("references");
        references
                .addObject()
                .put("url", links.page(advisory.publicId()))
                .put("name", advisory.publicId())
                .putArray("tags")
                .add("vendor-advisory");
        content.references()
                .forEach(
                        link ->
                                references
                                        .addObject()
                                        .put("url", link.url())
                                        .putArray("tags")
                                        .add(References.cveTag(link)));
        ArrayNode timeline = cna.putArray("timeline");
        if (content.discoveredAt() != null) {
            timeline.addObject()
                    .put("time", content.discoveredAt().toString())
                    .put("lang", "en")
                    .put("value", "Vulnerability found");
        }
        advisory.revisionHistory()
                .forEach(
                        revision ->
                                timeline.addObject()
                                        .put("time", revision.date().toString())
                                        .put("lang", "en")
                                        .put("value", revision.summary()));
        if (!content.capecIds().isEmpty()) {
            ArrayNode impacts = cna.putArray("impacts");
            content.capecIds()
                    .forEach(
                            capec ->
                                    impacts.addObject()
                                            .put("capecId", capec)
                                            .putArray("descriptions")
                                            .addObject()
                                            .put("lang", "en")
                                            .put(
                                                    "value",
                                                    content.impact() == null
                                                            ? capec
                                                            : capec + " " + content.impact()));
        }
        // Reports reach the program from outside (researchers); the advisory is the record's
        // source.
        cna.putObject("source").put("discovery", "EXTERNAL").put("advisory", advisory.publicId());
        cna.putObject("x_generator")
                .put(
                        "engine",
                        Generator.NAME
                                + Generator.version().map(version -> " " + version).orElse(""));
        return Optional.of(record);
    }

    /**
     * The REJECTED record of a CVE id that will not be used (CNA rules 4.5.3.5: unused ids are
     * rejected), with the reason as the CNA gives it.
     */
    public ObjectNode rejected(String cveId, String reason, Instant rejectedAt) {
        ObjectNode record = json.createObjectNode();
        record.put("dataType", "CVE_RECORD");
        record.put("dataVersion", DATA_VERSION);
        ObjectNode metadata = record.putObject("cveMetadata");
        metadata.put("cveId", cveId);
        metadata.put("assignerOrgId", assignerOrgId);
        metadata.put("assignerShortName", assignerShortName);
        metadata.put("state", "REJECTED");
        metadata.put("dateRejected", rejectedAt.toString());
        metadata.put("dateUpdated", rejectedAt.toString());
        ObjectNode cna = record.putObject("containers").putObject("cna");
        cna.putObject("providerMetadata")
                .put("orgId", assignerOrgId)
                .put("shortName", assignerShortName)
                .put("dateUpdated", rejectedAt.toString());
        cna.putArray("rejectedReasons").addObject().put("lang", "en").put("value", reason);
        return record;
    }

    /** The container's metrics, CVSS and SSVC alike, made at the first one. */
    private static ArrayNode metrics(ObjectNode cna) {
        return cna.has("metrics") ? (ArrayNode) cna.get("metrics") : cna.putArray("metrics");
    }

    /**
     * One affected product: a package is named by its package name and collection URL, and its
     * versions typed by the ecosystem's scheme ({@code semver}, {@code git} for commits, ...).
     */
    private static void affected(ObjectNode entry, String vendor, AffectedProduct product) {
        Optional<PackageCoordinates> coordinates = PackageCoordinates.of(product.purl());
        entry.put("vendor", vendor);
        entry.put("product", product.product());
        coordinates
                .flatMap(PackageCoordinates::collectionUrl)
                .ifPresent(url -> entry.put("collectionURL", url));
        if (product.packageName() != null) {
            entry.put("packageName", product.packageName());
        }
        ObjectNode version = entry.putArray("versions").addObject();
        version.put("version", product.introduced() == null ? "0" : product.introduced());
        version.put("status", "affected");
        if (product.fixed() != null) {
            version.put("lessThan", product.fixed());
        } else {
            version.put("lessThanOrEqual", "*");
        }
        List<String> versions =
                Stream.of(product.introduced(), product.fixed())
                        .filter(known -> known != null && !known.equals("0"))
                        .toList();
        version.put(
                "versionType",
                coordinates.map(found -> found.cveVersionType(versions)).orElse("custom"));
        entry.put("defaultStatus", "unaffected");
    }
}
