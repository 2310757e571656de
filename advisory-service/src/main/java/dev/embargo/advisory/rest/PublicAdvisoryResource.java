package dev.embargo.advisory.rest;

import dev.embargo.advisory.domain.DocumentFormat;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.format.PublicLinks;
import dev.embargo.advisory.service.AdvisoryFormats;
import dev.embargo.advisory.service.PublicCatalog;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Published advisories for everyone: pages, records in each format, search, program feeds and halls
 * of fame. Everything here reads {@link PublicCatalog}, which knows only what was published.
 */
@Path("/")
@Tag(
        name = "Public advisories",
        description = "Published advisories, feeds and halls of fame; no login")
public class PublicAdvisoryResource {

    private static final String ID = "^[A-Z][A-Z0-9]{1,15}-\\d{4}-\\d{4,}$";
    private static final String SLUG = "^[a-z0-9][a-z0-9-]{0,62}$";
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    /** CycloneDX's registered media type, with the spec version of the documents served. */
    private static final String CYCLONEDX_JSON = "application/vnd.cyclonedx+json; version=1.6";

    private static final String CYCLONEDX_FILE = "vex.cdx.json";

    private final PublicCatalog catalog;
    private final AdvisoryFormats formats;
    private final PublicLinks links;
    private final Template advisoryList;
    private final Template postMortemPage;
    private final Template hallOfFamePage;

    PublicAdvisoryResource(
            PublicCatalog catalog,
            AdvisoryFormats formats,
            PublicLinks links,
            @Location("advisories.html") Template advisoryList,
            @Location("post-mortem.html") Template postMortemPage,
            @Location("hall-of-fame.html") Template hallOfFamePage) {
        this.catalog = catalog;
        this.formats = formats;
        this.links = links;
        this.advisoryList = advisoryList;
        this.postMortemPage = postMortemPage;
        this.hallOfFamePage = hallOfFamePage;
    }

    @GET
    @Path("/api/v1/public/advisories")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Search published advisories",
            description =
                    "Newest first; q matches any published text. "
                            + "A Link header points to the next page while there may be one.")
    public Uni<Response> search(
            @Context Request request,
            @QueryParam("program") @Pattern(regexp = SLUG) String program,
            @QueryParam("q") @Size(max = 200) String query,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return catalog.search(Optional.ofNullable(program), Optional.ofNullable(query), page, size)
                .map(
                        found -> {
                            Response response =
                                    PublicResponses.ok(
                                            request,
                                            formats.writeJson(found),
                                            MediaType.APPLICATION_JSON,
                                            PublicResponses.LISTING_CACHE);
                            return found.size() < size
                                    ? response
                                    : Response.fromResponse(response)
                                            .header(
                                                    "Link",
                                                    "<?page="
                                                            + (page + 1)
                                                            + "&size="
                                                            + size
                                                            + (program == null
                                                                    ? ""
                                                                    : "&program=" + program)
                                                            + ">; rel=\"next\"")
                                            .build();
                        });
    }

    @GET
    @Path("/advisories")
    @Produces(HTML)
    @Operation(summary = "Published advisories (HTML), newest first, paginated")
    public Uni<Response> list(
            @Context Request request,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page) {
        int size = 20;
        return catalog.search(Optional.empty(), Optional.empty(), page, size)
                .map(
                        found ->
                                PublicResponses.ok(
                                        request,
                                        advisoryList
                                                .data("advisories", found)
                                                .data("page", page)
                                                .data("more", found.size() == size)
                                                .render(),
                                        HTML,
                                        PublicResponses.LISTING_CACHE));
    }

    @GET
    @Path("/advisories/{publicId}")
    @Produces(HTML)
    @Operation(summary = "A published advisory (HTML)")
    public Uni<Response> page(
            @Context Request request,
            @PathParam("publicId") @Pattern(regexp = ID) String publicId) {
        return published(publicId)
                .map(
                        advisory ->
                                PublicResponses.ok(
                                        request,
                                        formats.page().render(advisory),
                                        HTML,
                                        PublicResponses.DOCUMENT_CACHE));
    }

    @GET
    @Path("/advisories/{publicId}/osv.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A published advisory as an OSV record")
    public Uni<Response> osv(
            @Context Request request,
            @PathParam("publicId") @Pattern(regexp = ID) String publicId) {
        return document(request, publicId, DocumentFormat.OSV);
    }

    @GET
    @Path("/advisories/{publicId}/cve.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A published advisory as a CVE JSON 5 record (advisories with a CVE id)")
    public Uni<Response> cve(
            @Context Request request,
            @PathParam("publicId") @Pattern(regexp = ID) String publicId) {
        return document(request, publicId, DocumentFormat.CVE);
    }

    @GET
    @Path("/advisories/{publicId}/csaf.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "A published advisory as CSAF 2.0 (the same bytes as under /.well-known/csaf)")
    public Uni<Response> csaf(
            @Context Request request,
            @PathParam("publicId") @Pattern(regexp = ID) String publicId) {
        return document(request, publicId, DocumentFormat.CSAF);
    }

    @GET
    @Path("/advisories/{publicId}/{file:vex\\.cdx\\.json(\\.asc|\\.sha256|\\.sha512)?}")
    @Produces({CYCLONEDX_JSON, "application/pgp-signature", MediaType.TEXT_PLAIN})
    @Operation(
            summary =
                    "A published advisory's VEX statements as CycloneDX 1.6 VEX (advisories with"
                            + " product statuses), or its .asc signature, .sha256 or .sha512 hash")
    public Uni<Response> cycloneDxVex(
            @Context Request request,
            @PathParam("publicId") @Pattern(regexp = ID) String publicId,
            @PathParam("file") String file) {
        return catalog.document(publicId, DocumentFormat.CYCLONEDX_VEX)
                .map(
                        found ->
                                PublicResponses.signed(
                                        request,
                                        found.orElseThrow(PublicResponses::notFound),
                                        file,
                                        CYCLONEDX_FILE,
                                        CYCLONEDX_JSON));
    }

    @GET
    @Path("/advisories/{publicId}/credits.md")
    @Produces("text/markdown;charset=UTF-8")
    @Operation(summary = "The credits as a CHANGELOG.md snippet")
    public Uni<Response> credits(
            @Context Request request,
            @PathParam("publicId") @Pattern(regexp = ID) String publicId) {
        return published(publicId)
                .map(
                        advisory ->
                                PublicResponses.ok(
                                        request,
                                        formats.changelog().render(advisory),
                                        "text/markdown;charset=UTF-8",
                                        PublicResponses.DOCUMENT_CACHE));
    }

    @GET
    @Path("/advisories/{publicId}/post-mortem")
    @Produces(HTML)
    @Operation(summary = "The post-mortem of a published advisory (HTML)")
    public Uni<Response> postMortem(
            @Context Request request,
            @PathParam("publicId") @Pattern(regexp = ID) String publicId) {
        return published(publicId)
                .map(
                        advisory -> {
                            if (advisory.postMortem() == null) {
                                throw PublicResponses.notFound();
                            }
                            return PublicResponses.ok(
                                    request,
                                    postMortemPage
                                            .data("advisory", advisory)
                                            .data("pageUrl", links.page(advisory.publicId()))
                                            .render(),
                                    HTML,
                                    PublicResponses.DOCUMENT_CACHE);
                        });
    }

    @GET
    @Path("/programs/{slug}/advisories.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "A program's published advisories as an Atom feed")
    public Uni<Response> feed(
            @Context Request request, @PathParam("slug") @Pattern(regexp = SLUG) String slug) {
        return catalog.all(Optional.of(slug))
                .map(
                        published ->
                                PublicResponses.ok(
                                        request,
                                        formats.atom()
                                                .render(
                                                        slug,
                                                        programName(slug, published),
                                                        published),
                                        "application/atom+xml",
                                        PublicResponses.LISTING_CACHE));
    }

    @GET
    @Path("/programs/{slug}/hall-of-fame")
    @Produces(HTML)
    @Operation(summary = "Who a program thanks (HTML)")
    public Uni<Response> hallOfFame(
            @Context Request request, @PathParam("slug") @Pattern(regexp = SLUG) String slug) {
        return catalog.hallOfFame(slug)
                .map(
                        entries ->
                                PublicResponses.ok(
                                        request,
                                        hallOfFamePage
                                                .data("program", slug)
                                                .data("entries", entries)
                                                .render(),
                                        HTML,
                                        PublicResponses.LISTING_CACHE));
    }

    @GET
    @Path("/programs/{slug}/hall-of-fame.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who a program thanks, with the advisories they are credited in")
    public Uni<Response> hallOfFameJson(
            @Context Request request, @PathParam("slug") @Pattern(regexp = SLUG) String slug) {
        return catalog.hallOfFame(slug)
                .map(
                        entries ->
                                PublicResponses.ok(
                                        request,
                                        formats.writeJson(
                                                entries.stream()
                                                        .map(
                                                                entry ->
                                                                        new HallOfFameView(
                                                                                entry.name(),
                                                                                entry
                                                                                        .advisories()
                                                                                        .stream()
                                                                                        .map(
                                                                                                advisory ->
                                                                                                        new HallOfFameView
                                                                                                                .Credited(
                                                                                                                advisory
                                                                                                                        .publicId(),
                                                                                                                advisory.content()
                                                                                                                        .title(),
                                                                                                                advisory
                                                                                                                        .url(),
                                                                                                                advisory
                                                                                                                        .initialReleaseDate()))
                                                                                        .toList()))
                                                        .toList()),
                                        MediaType.APPLICATION_JSON,
                                        PublicResponses.LISTING_CACHE));
    }

    private Uni<Response> document(Request request, String publicId, DocumentFormat format) {
        return catalog.document(publicId, format)
                .map(
                        found ->
                                PublicResponses.ok(
                                        request,
                                        found.orElseThrow(PublicResponses::notFound).content,
                                        MediaType.APPLICATION_JSON,
                                        PublicResponses.DOCUMENT_CACHE));
    }

    private Uni<PublishedAdvisory> published(String publicId) {
        return catalog.advisory(publicId)
                .map(found -> found.orElseThrow(PublicResponses::notFound));
    }

    private static String programName(String slug, List<PublishedAdvisory> published) {
        return published.isEmpty() ? slug : published.getFirst().programName();
    }
}
