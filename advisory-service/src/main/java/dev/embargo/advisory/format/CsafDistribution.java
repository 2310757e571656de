package dev.embargo.advisory.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.domain.PublishedAdvisory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CSAF provider's distribution (CSAF 2.0 §7): {@code provider-metadata.json}, the ROLIE feed of
 * the TLP:WHITE documents, {@code index.txt} and {@code changes.csv}. Drawn from the published
 * advisories only, so what is embargoed is in none of them.
 */
public final class CsafDistribution {

    private final ObjectMapper json;
    private final PublicLinks links;
    private final CsafPublisher publisher;

    public CsafDistribution(ObjectMapper json, PublicLinks links, CsafPublisher publisher) {
        this.json = json;
        this.links = links;
        this.publisher = publisher;
    }

    public ObjectNode providerMetadata(List<PublishedAdvisory> published, String keyFingerprint) {
        ObjectNode metadata = json.createObjectNode();
        metadata.put("canonical_url", links.providerMetadata());
        metadata.putArray("distributions")
                .addObject()
                .putObject("rolie")
                .putArray("feeds")
                .addObject()
                .put("summary", "All TLP:WHITE advisories of " + publisher.name() + ".")
                .put("tlp_label", "WHITE")
                .put("url", links.rolieFeed());
        metadata.put("last_updated", lastUpdated(published).toString());
        metadata.put("list_on_CSAF_aggregators", true);
        metadata.put("metadata_version", "2.0");
        metadata.put("mirror_on_CSAF_aggregators", true);
        metadata.putArray("public_openpgp_keys")
                .addObject()
                .put("fingerprint", keyFingerprint)
                .put("url", links.openPgpKey(keyFingerprint));
        metadata.putObject("publisher")
                .put("category", publisher.category())
                .put("contact_details", publisher.contact())
                .put("name", publisher.name())
                .put("namespace", publisher.namespace());
        metadata.put("role", "csaf_provider");
        return metadata;
    }

    /** The ROLIE feed (RFC 8322, in the JSON form CSAF 2.0 §7.1.20 uses), newest first. */
    public ObjectNode rolieFeed(List<PublishedAdvisory> published) {
        ObjectNode root = json.createObjectNode();
        ObjectNode feed = root.putObject("feed");
        feed.put("id", "embargo-csaf-feed-tlp-white");
        feed.put("title", publisher.name() + " CSAF feed (TLP:WHITE)");
        feed.putArray("link").addObject().put("rel", "self").put("href", links.rolieFeed());
        feed.putArray("category")
                .addObject()
                .put("scheme", "urn:ietf:params:rolie:category:information-type")
                .put("term", "csaf");
        feed.put("updated", lastUpdated(published).toString());
        ArrayNode entries = feed.putArray("entry");
        newestFirst(published)
                .forEach(
                        document -> {
                            String url = links.csaf(document.trackingId(), document.initial());
                            ObjectNode entry = entries.addObject();
                            entry.put("id", document.trackingId());
                            entry.put("title", document.title());
                            ArrayNode entryLinks = entry.putArray("link");
                            entryLinks.addObject().put("rel", "self").put("href", url);
                            entryLinks.addObject().put("rel", "hash").put("href", url + ".sha256");
                            entryLinks.addObject().put("rel", "hash").put("href", url + ".sha512");
                            entryLinks
                                    .addObject()
                                    .put("rel", "signature")
                                    .put("href", url + ".asc");
                            entry.put("published", document.initial().toString());
                            entry.put("updated", document.current().toString());
                            entry.putObject("summary").put("content", document.summary());
                            entry.putObject("content")
                                    .put("type", "application/json")
                                    .put("src", url);
                            entry.putObject("format")
                                    .put(
                                            "schema",
                                            "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json")
                                    .put("version", "2.0");
                        });
        return root;
    }

    /**
     * {@code index.txt}: every document's path relative to the directory, one per line (CSAF 2.0
     * §7.1.15).
     */
    public String indexTxt(List<PublishedAdvisory> published) {
        return documents(published).stream()
                .map(document -> PublicLinks.csafPath(document.trackingId(), document.initial()))
                .sorted()
                .map(path -> path + "\n")
                .collect(Collectors.joining());
    }

    /** {@code changes.csv}: path and last change, newest change first (CSAF 2.0 §7.1.16). */
    public String changesCsv(List<PublishedAdvisory> published) {
        return newestFirst(published).stream()
                .map(
                        document ->
                                "\""
                                        + PublicLinks.csafPath(
                                                document.trackingId(), document.initial())
                                        + "\",\""
                                        + document.current()
                                        + "\"\n")
                .collect(Collectors.joining());
    }

    /** The CSAF documents of the advisories: each one's security advisory and VEX document. */
    private static List<Listed> documents(List<PublishedAdvisory> published) {
        List<Listed> documents = new ArrayList<>();
        for (PublishedAdvisory advisory : published) {
            documents.add(new Listed(advisory.publicId(), advisory.listedTitle(), advisory));
            if (!advisory.content().productStatuses().isEmpty()) {
                documents.add(
                        new Listed(
                                advisory.publicId() + CsafVexDocument.TRACKING_SUFFIX,
                                "VEX: " + advisory.listedTitle(),
                                advisory));
            }
        }
        return documents;
    }

    private static List<Listed> newestFirst(List<PublishedAdvisory> published) {
        return documents(published).stream()
                .sorted(
                        Comparator.comparing(Listed::current)
                                .reversed()
                                .thenComparing(Listed::trackingId))
                .toList();
    }

    /** One CSAF document of the directory. */
    private record Listed(String trackingId, String title, PublishedAdvisory advisory) {

        Instant initial() {
            return advisory.initialReleaseDate();
        }

        Instant current() {
            return advisory.currentReleaseDate();
        }

        String summary() {
            return advisory.listedSummary();
        }
    }

    private static Instant lastUpdated(List<PublishedAdvisory> published) {
        return published.stream()
                .map(PublishedAdvisory::currentReleaseDate)
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
    }
}
