package dev.embargo.advisory.rest;

import dev.embargo.advisory.domain.DocumentFormat;
import dev.embargo.advisory.domain.PublishedDocument;
import dev.embargo.advisory.format.CsafVexDocument;
import dev.embargo.advisory.format.PublicLinks;
import dev.embargo.advisory.service.AdvisoryFormats;
import dev.embargo.advisory.service.PublicCatalog;
import dev.embargo.advisory.service.SigningKeys;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The CSAF 2.0 provider (CSAF 2.0 §7): provider metadata, the TLP:WHITE directory with its ROLIE
 * feed, {@code index.txt} and {@code changes.csv}, each document with {@code .asc}, {@code .sha256}
 * and {@code .sha512}, and the public key that signs them.
 */
@Path(PublicLinks.CSAF_ROOT)
@Tag(name = "CSAF provider", description = "CSAF 2.0 distribution; no login")
public class CsafProviderResource {

    private final PublicCatalog catalog;
    private final AdvisoryFormats formats;
    private final SigningKeys signingKeys;

    CsafProviderResource(PublicCatalog catalog, AdvisoryFormats formats, SigningKeys signingKeys) {
        this.catalog = catalog;
        this.formats = formats;
        this.signingKeys = signingKeys;
    }

    @GET
    @Path("/provider-metadata.json")
    @Operation(summary = "CSAF provider metadata")
    public Uni<Response> providerMetadata(@Context Request request) {
        return signingKeys
                .signer()
                .chain(
                        signer ->
                                catalog.all(Optional.empty())
                                        .map(
                                                published ->
                                                        PublicResponses.ok(
                                                                request,
                                                                formats.writeJson(
                                                                        formats.distribution()
                                                                                .providerMetadata(
                                                                                        published,
                                                                                        signer
                                                                                                .fingerprint())),
                                                                MediaType.APPLICATION_JSON,
                                                                PublicResponses.LISTING_CACHE)));
    }

    @GET
    @Path("/openpgp/{fingerprint}.asc")
    @Operation(summary = "The OpenPGP public key that signs the CSAF documents")
    public Uni<Response> publicKey(
            @Context Request request,
            @PathParam("fingerprint") @Pattern(regexp = "^[0-9A-Fa-f]{40,64}$")
                    String fingerprint) {
        return signingKeys
                .signer()
                .map(
                        signer -> {
                            if (!signer.fingerprint()
                                    .equals(fingerprint.toUpperCase(Locale.ROOT))) {
                                throw PublicResponses.notFound();
                            }
                            return PublicResponses.ok(
                                    request,
                                    signer.armoredPublicKey(),
                                    "application/pgp-keys",
                                    PublicResponses.DOCUMENT_CACHE);
                        });
    }

    @GET
    @Path("/white/" + PublicLinks.ROLIE_FEED_FILE)
    @Operation(summary = "ROLIE feed of the TLP:WHITE CSAF documents")
    public Uni<Response> rolieFeed(@Context Request request) {
        return catalog.all(Optional.empty())
                .map(
                        published ->
                                PublicResponses.ok(
                                        request,
                                        formats.writeJson(
                                                formats.distribution().rolieFeed(published)),
                                        MediaType.APPLICATION_JSON,
                                        PublicResponses.LISTING_CACHE));
    }

    @GET
    @Path("/white/index.txt")
    @Operation(summary = "Every CSAF document of the directory, one path per line")
    public Uni<Response> index(@Context Request request) {
        return catalog.all(Optional.empty())
                .map(
                        published ->
                                PublicResponses.ok(
                                        request,
                                        formats.distribution().indexTxt(published),
                                        PublicResponses.TEXT,
                                        PublicResponses.LISTING_CACHE));
    }

    @GET
    @Path("/white/changes.csv")
    @Operation(summary = "Every CSAF document of the directory with its last change, newest first")
    public Uni<Response> changes(@Context Request request) {
        return catalog.all(Optional.empty())
                .map(
                        published ->
                                PublicResponses.ok(
                                        request,
                                        formats.distribution().changesCsv(published),
                                        "text/csv;charset=UTF-8",
                                        PublicResponses.LISTING_CACHE));
    }

    @GET
    @Path("/white/{year}/{file}")
    @Operation(summary = "A CSAF document, or its .asc signature, .sha256 or .sha512 hash")
    public Uni<Response> document(
            @Context Request request,
            @PathParam("year") @Pattern(regexp = "^\\d{4}$") String year,
            @PathParam("file")
                    @Pattern(regexp = "^[a-z0-9+_-]{1,80}\\.json(\\.asc|\\.sha256|\\.sha512)?$")
                    String file) {
        String json = file.substring(0, file.indexOf(".json") + ".json".length());
        String trackingId =
                json.substring(0, json.length() - ".json".length()).toUpperCase(Locale.ROOT);
        boolean vex = trackingId.endsWith(CsafVexDocument.TRACKING_SUFFIX);
        String publicId =
                vex
                        ? trackingId.substring(
                                0, trackingId.length() - CsafVexDocument.TRACKING_SUFFIX.length())
                        : trackingId;
        return catalog.document(publicId, vex ? DocumentFormat.CSAF_VEX : DocumentFormat.CSAF)
                .map(
                        found -> {
                            PublishedDocument document =
                                    found.filter(
                                                    csaf ->
                                                            PublicLinks.csafPath(
                                                                            trackingId,
                                                                            initialRelease(csaf))
                                                                    .equals(year + "/" + json))
                                            .orElseThrow(PublicResponses::notFound);
                            return PublicResponses.signed(
                                    request, document, file, json, MediaType.APPLICATION_JSON);
                        });
    }

    /**
     * The initial release date, which names the document's year directory, read from the CSAF
     * document itself.
     */
    private java.time.Instant initialRelease(PublishedDocument csaf) {
        return java.time.Instant.parse(
                formats.readTree(csaf.content)
                        .path("document")
                        .path("tracking")
                        .path("initial_release_date")
                        .asText());
    }
}
