package dev.embargo.advisory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.config.AdvisoryConfig;
import dev.embargo.advisory.domain.CveRejection;
import dev.embargo.advisory.domain.DocumentFormat;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.format.AdvisoryPage;
import dev.embargo.advisory.format.AtomFeed;
import dev.embargo.advisory.format.CreditsChangelog;
import dev.embargo.advisory.format.CsafDistribution;
import dev.embargo.advisory.format.CsafDocument;
import dev.embargo.advisory.format.CsafPublisher;
import dev.embargo.advisory.format.CsafVexDocument;
import dev.embargo.advisory.format.CveRecord;
import dev.embargo.advisory.format.CycloneDxVexDocument;
import dev.embargo.advisory.format.OsvRecord;
import dev.embargo.advisory.format.PublicLinks;
import dev.embargo.advisory.format.RetractionNotes;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The renderers of every published format, configured once for this deployment. */
@ApplicationScoped
public class AdvisoryFormats {

    private final ObjectMapper json;
    private final CsafDocument csaf;
    private final CsafVexDocument vex;
    private final CycloneDxVexDocument cycloneDxVex;
    private final OsvRecord osv;
    private final CveRecord cve;
    private final CsafDistribution distribution;
    private final AtomFeed atom;
    private final CreditsChangelog changelog;
    private final AdvisoryPage page;

    AdvisoryFormats(
            ObjectMapper json,
            PublicLinks links,
            AdvisoryConfig config,
            @Location("advisory.html") Template page) {
        this.json = json;
        CsafPublisher publisher =
                new CsafPublisher(
                        config.publisher().name(),
                        config.publisher().namespace(),
                        config.publisher().category(),
                        config.publisher().contact());
        this.csaf = new CsafDocument(json, links, publisher);
        this.vex = new CsafVexDocument(csaf, links);
        this.cycloneDxVex = new CycloneDxVexDocument(links, publisher);
        this.osv = new OsvRecord(json, links);
        this.cve =
                new CveRecord(
                        json, links, config.cveAssignerOrgId(), config.cveAssignerShortName());
        this.distribution = new CsafDistribution(json, links, publisher);
        this.atom = new AtomFeed(links);
        this.changelog = new CreditsChangelog(links);
        this.page = new AdvisoryPage(page, links);
    }

    /**
     * Every document of a published advisory, by format (no CVE record without a CVE id, no VEX
     * documents without product statuses, the team's or partners').
     */
    public Map<DocumentFormat, String> render(PublishedAdvisory advisory) {
        Map<DocumentFormat, String> rendered = new EnumMap<>(DocumentFormat.class);
        rendered.put(DocumentFormat.SNAPSHOT, pretty(json.valueToTree(advisory)));
        rendered.put(
                DocumentFormat.CSAF, pretty(RetractionNotes.csaf(csaf.render(advisory), advisory)));
        vex.render(advisory)
                .ifPresent(
                        document ->
                                rendered.put(
                                        DocumentFormat.CSAF_VEX,
                                        pretty(RetractionNotes.csaf(document, advisory))));
        cycloneDxVex
                .render(advisory)
                .ifPresent(document -> rendered.put(DocumentFormat.CYCLONEDX_VEX, document));
        rendered.put(
                DocumentFormat.OSV, pretty(RetractionNotes.osv(osv.render(advisory), advisory)));
        publishedCveRecord(advisory)
                .ifPresent(record -> rendered.put(DocumentFormat.CVE, pretty(record)));
        return rendered;
    }

    /** The CVE record as published: {@code REJECTED} with its reason once it was rejected. */
    private Optional<ObjectNode> publishedCveRecord(PublishedAdvisory advisory) {
        CveRejection rejection = advisory.cveRejection();
        if (rejection == null || advisory.content().cveId() == null) {
            return cve.render(advisory);
        }
        return Optional.of(
                cve.rejected(advisory.content().cveId(), rejection.reason(), rejection.date()));
    }

    /** Any value as JSON, for public listings. */
    public String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Listings always serialize", e);
        }
    }

    public JsonNode readTree(String content) {
        try {
            return json.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored document does not read back", e);
        }
    }

    public PublishedAdvisory readSnapshot(String content) {
        try {
            return json.readValue(content, PublishedAdvisory.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored snapshot does not read back", e);
        }
    }

    /** The CVE record of a published advisory; empty without a CVE id. */
    public Optional<ObjectNode> cveRecord(PublishedAdvisory advisory) {
        return cve.render(advisory);
    }

    /** The REJECTED record of a CVE id. */
    public ObjectNode rejectedCveRecord(String cveId, String reason, Instant rejectedAt) {
        return cve.rejected(cveId, reason, rejectedAt);
    }

    public CsafDistribution distribution() {
        return distribution;
    }

    public AtomFeed atom() {
        return atom;
    }

    public CreditsChangelog changelog() {
        return changelog;
    }

    /** The human page, drawn from the same snapshot as the documents. */
    public AdvisoryPage page() {
        return page;
    }

    private String pretty(JsonNode document) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Documents always serialize", e);
        }
    }
}
