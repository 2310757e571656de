package dev.embargo.advisory.format;

import dev.embargo.advisory.config.AdvisoryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Every public URL of advisory, in one place: the REST resources serve these paths and the
 * documents link to them, so the two cannot drift apart.
 */
@ApplicationScoped
public class PublicLinks {

    public static final String CSAF_ROOT = "/.well-known/csaf";
    public static final String CSAF_WHITE = CSAF_ROOT + "/white";
    public static final String PROVIDER_METADATA = CSAF_ROOT + "/provider-metadata.json";
    public static final String ROLIE_FEED_FILE = "feed-tlp-white.json";

    private final String base;

    @Inject
    PublicLinks(AdvisoryConfig config) {
        this(config.publicUrl());
    }

    public PublicLinks(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String page(String publicId) {
        return base + "/advisories/" + publicId;
    }

    public String osv(String publicId) {
        return page(publicId) + "/osv.json";
    }

    public String cve(String publicId) {
        return page(publicId) + "/cve.json";
    }

    /** The CycloneDX VEX document, next to the advisory's page and its other documents. */
    public String cycloneDxVex(String publicId) {
        return page(publicId) + "/vex.cdx.json";
    }

    public String postMortem(String publicId) {
        return page(publicId) + "/post-mortem";
    }

    public String credits(String publicId) {
        return page(publicId) + "/credits.md";
    }

    public String programFeed(String slug) {
        return base + "/programs/" + slug + "/advisories.atom";
    }

    public String hallOfFame(String slug) {
        return base + "/programs/" + slug + "/hall-of-fame";
    }

    /** The CSAF document's URL under the provider's TLP:WHITE directory (CSAF 2.0 §7.1.11). */
    public String csaf(String publicId, Instant initialRelease) {
        return base + CSAF_WHITE + "/" + csafPath(publicId, initialRelease);
    }

    /** The CSAF VEX document's URL, next to the security advisory's. */
    public String csafVex(String publicId, Instant initialRelease) {
        return csaf(publicId + CsafVexDocument.TRACKING_SUFFIX, initialRelease);
    }

    public String providerMetadata() {
        return base + PROVIDER_METADATA;
    }

    public String rolieFeed() {
        return base + CSAF_WHITE + "/" + ROLIE_FEED_FILE;
    }

    public String openPgpKey(String fingerprint) {
        return base + CSAF_ROOT + "/openpgp/" + fingerprint + ".asc";
    }

    /**
     * {@code <year of initial release>/<file name>}, relative to the TLP:WHITE directory (as
     * index.txt lists them).
     */
    public static String csafPath(String publicId, Instant initialRelease) {
        return initialRelease.atZone(ZoneOffset.UTC).getYear() + "/" + csafFileName(publicId);
    }

    /**
     * The file name CSAF 2.0 §5.1 derives from the tracking id: lower case, other characters as
     * {@code _}.
     */
    public static String csafFileName(String trackingId) {
        return trackingId.toLowerCase(Locale.ROOT).replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
    }
}
