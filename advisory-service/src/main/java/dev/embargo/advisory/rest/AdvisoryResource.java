package dev.embargo.advisory.rest;

import dev.embargo.advisory.domain.PostMortem;
import dev.embargo.advisory.format.UserNotice;
import dev.embargo.advisory.mapping.AdvisoryMapper;
import dev.embargo.advisory.mapping.PreAdvisoryMapper;
import dev.embargo.advisory.service.Advisories;
import dev.embargo.advisory.service.AdvisoryPreviews;
import dev.embargo.advisory.service.CveSubmissions;
import dev.embargo.advisory.service.Embargoes;
import dev.embargo.advisory.service.Retractions;
import dev.embargo.advisory.service.SplitsAndMerges;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.security.StaffScope;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Advisories for staff. Publishers write them; coordinators run the embargo (lift time,
 * pre-advisories, early break); admins do both. Staff limited to programs see only theirs (others'
 * are 404).
 */
@Path("/api/v1/advisories")
@Tag(name = "Advisories", description = "Drafts, revisions, embargo and publication")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class AdvisoryResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    /** Marks every preview answer: these documents are not (yet) the published ones. */
    public static final String PREVIEW_HEADER = "Embargo-Preview";

    private final Advisories advisories;
    private final Embargoes embargoes;
    private final AdvisoryPreviews previews;
    private final CveSubmissions cveSubmissions;
    private final Retractions retractions;
    private final SplitsAndMerges splitsAndMerges;
    private final AdvisoryMapper mapper;
    private final PreAdvisoryMapper preAdvisoryMapper;
    private final SecurityIdentity identity;
    private final StaffScope scope;

    AdvisoryResource(
            Advisories advisories,
            Embargoes embargoes,
            AdvisoryPreviews previews,
            CveSubmissions cveSubmissions,
            Retractions retractions,
            SplitsAndMerges splitsAndMerges,
            AdvisoryMapper mapper,
            PreAdvisoryMapper preAdvisoryMapper,
            SecurityIdentity identity,
            StaffScope scope) {
        this.advisories = advisories;
        this.embargoes = embargoes;
        this.previews = previews;
        this.cveSubmissions = cveSubmissions;
        this.retractions = retractions;
        this.splitsAndMerges = splitsAndMerges;
        this.mapper = mapper;
        this.preAdvisoryMapper = preAdvisoryMapper;
        this.identity = identity;
        this.scope = scope;
    }

    @POST
    @RolesAllowed({"publisher", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Draft the advisory of an accepted case",
            description =
                    "Known by its report's tracking id; title, severity and CVSS come from the"
                            + " report and triage. One advisory per case.")
    @APIResponse(responseCode = "201", description = "Drafted")
    @APIResponse(
            responseCode = "404",
            description = "No such report",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(
            responseCode = "409",
            description = "Case not accepted, or already has an advisory",
            content = @Content(mediaType = PROBLEM))
    public Uni<Response> draft(@Valid @NotNull DraftRequest request) {
        return advisories
                .draft(request.trackingId(), actor(), scope::covers)
                .map(
                        drafted ->
                                Response.status(Response.Status.CREATED)
                                        .entity(mapper.toView(drafted))
                                        .build());
    }

    @GET
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Operation(
            summary = "Advisories, newest first (of the caller's programs), without their content")
    public Uni<List<AdvisorySummaryView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return advisories
                .list(scope.programs(), page, size)
                .map(found -> found.stream().map(mapper::toSummary).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Operation(summary = "An advisory with its current content")
    @APIResponse(
            responseCode = "404",
            description = "No such advisory",
            content = @Content(mediaType = PROBLEM))
    public Uni<AdvisoryView> get(@PathParam("id") UUID id) {
        return advisories.get(id, scope::covers).map(mapper::toView);
    }

    @GET
    @Path("/{id}/user-notice")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Operation(
            summary = "A notice to the affected product's users, drafted from the advisory",
            description =
                    "EU CRA Article 14(8): the vulnerability, the affected products and the"
                            + " corrective measures users can take; as text/plain, ready to"
                            + " paste, on request.")
    @APIResponse(
            responseCode = "404",
            description = "No such advisory",
            content = @Content(mediaType = PROBLEM))
    public Uni<UserNotice> userNotice(@PathParam("id") UUID id) {
        return advisories.get(id, scope::covers).map(details -> UserNotice.of(details.content()));
    }

    @GET
    @Path("/{id}/user-notice")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The notice to the affected product's users, as plain text")
    public Uni<String> userNoticeText(@PathParam("id") UUID id) {
        return userNotice(id).map(UserNotice::text);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"publisher", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Revise an advisory",
            description =
                    "Adds a revision (all are kept). Scheduled and published advisories take only"
                        + " complete content; a published one is republished at once as its next"
                        + " version.")
    @APIResponse(
            responseCode = "422",
            description = "Incomplete content or invalid CVSS vector",
            content = @Content(mediaType = PROBLEM))
    public Uni<AdvisoryView> revise(
            @PathParam("id") UUID id, @Valid @NotNull AdvisoryEditRequest request) {
        return advisories
                .revise(
                        id,
                        mapper.toContent(request),
                        request.changeSummary(),
                        actor(),
                        scope::covers)
                .map(mapper::toView);
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Operation(summary = "Every revision of an advisory, oldest first")
    public Uni<List<RevisionView>> revisions(@PathParam("id") UUID id) {
        return advisories
                .revisions(id, scope::covers)
                .map(found -> found.stream().map(mapper::toView).toList());
    }

    @PUT
    @Path("/{id}/embargo")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set or move the lift time",
            description =
                    "The advisory publishes itself at the lift time. Bounded by the program's"
                            + " disclosure deadline and by the maximum embargo of partner groups"
                            + " already told.")
    @APIResponse(
            responseCode = "422",
            description = "Lift time out of bounds, or content incomplete",
            content = @Content(mediaType = PROBLEM))
    public Uni<AdvisoryView> scheduleLift(
            @PathParam("id") UUID id, @Valid @NotNull LiftRequest request) {
        return embargoes
                .scheduleLift(id, request.liftAt(), actor(), scope::covers)
                .map(mapper::toView);
    }

    @POST
    @Path("/{id}/pre-advisories")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send the pre-advisory to partner groups",
            description =
                    "Delivered by notify as signed webhooks, each partner's copy watermarked. A"
                            + " group may be told at most its maximum embargo before the lift.")
    @APIResponse(responseCode = "201", description = "Released")
    @APIResponse(
            responseCode = "422",
            description = "Unknown group, or too early for it",
            content = @Content(mediaType = PROBLEM))
    public Uni<Response> releasePreAdvisory(
            @PathParam("id") UUID id, @Valid @NotNull PartnerGroupsRequest request) {
        return embargoes
                .releasePreAdvisory(id, request.partnerGroups(), actor(), scope::covers)
                .map(
                        released ->
                                Response.status(Response.Status.CREATED)
                                        .entity(preAdvisoryMapper.toView(released))
                                        .build());
    }

    @POST
    @Path("/{id}/early-break")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publish now, before the lift time",
            description = "For active exploitation. Audited with its reason.")
    public Uni<AdvisoryView> earlyBreak(
            @PathParam("id") UUID id, @Valid @NotNull EarlyBreakRequest request) {
        return embargoes
                .earlyBreak(id, request.reason(), actor(), scope::covers)
                .map(mapper::toView);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Withdraw a published advisory (published in error)",
            description =
                    "Published at once as a new version that says so in every format, with the"
                            + " reason; the page and ids stay. Partners are told.")
    @APIResponse(
            responseCode = "409",
            description = "Not published, or already withdrawn or superseded",
            content = @Content(mediaType = PROBLEM))
    public Uni<AdvisoryView> withdraw(
            @PathParam("id") UUID id, @Valid @NotNull WithdrawRequest request) {
        return retractions
                .withdraw(id, request.reason(), actor(), scope::covers)
                .map(mapper::toView);
    }

    @POST
    @Path("/{id}/supersede")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Mark a published advisory as replaced by another",
            description =
                    "The successor is a published advisory of the same program (public id)."
                            + " Published at once as a new version naming it; partners are told.")
    @APIResponse(
            responseCode = "422",
            description = "The successor is no other published advisory of the program",
            content = @Content(mediaType = PROBLEM))
    public Uni<AdvisoryView> supersede(
            @PathParam("id") UUID id, @Valid @NotNull SupersedeRequest request) {
        return retractions
                .supersede(id, request.successor(), request.reason(), actor(), scope::covers)
                .map(mapper::toView);
    }

    @POST
    @Path("/{id}/split")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Move some vulnerabilities (by CVE ID) into a new advisory",
            description =
                    "The new advisory has the program, case and lift time of this one. A published"
                            + " advisory publishes the new one at once, and its own next version"
                            + " no longer lists the moved vulnerabilities and links to it.")
    @APIResponse(responseCode = "201", description = "The new advisory")
    @APIResponse(
            responseCode = "409",
            description = "Withdrawn or superseded",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(
            responseCode = "422",
            description = "A CVE ID the advisory does not cover, or all of them",
            content = @Content(mediaType = PROBLEM))
    public Uni<Response> split(@PathParam("id") UUID id, @Valid @NotNull SplitRequest request) {
        return splitsAndMerges
                .split(id, request.vulnerabilities(), request.title(), actor(), scope::covers)
                .map(
                        created ->
                                Response.status(Response.Status.CREATED)
                                        .entity(mapper.toView(created))
                                        .build());
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Move every vulnerability of another advisory into this one",
            description =
                    "A published advisory merged in is superseded by this one (published too);"
                            + " a draft or scheduled one is closed: superseded unpublished, its"
                            + " lift time cleared.")
    @APIResponse(
            responseCode = "409",
            description =
                    "Either is withdrawn or superseded, or the merge would publish embargoed"
                            + " vulnerabilities early",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(
            responseCode = "422",
            description = "Itself, another program's advisory, or a vulnerability without CVE ID",
            content = @Content(mediaType = PROBLEM))
    public Uni<AdvisoryView> merge(@PathParam("id") UUID id, @Valid @NotNull MergeRequest request) {
        return splitsAndMerges
                .merge(id, request.from(), request.reason(), actor(), scope::covers)
                .map(mapper::toView);
    }

    @POST
    @Path("/{id}/cve-record/reject")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reject the CVE record of a published advisory",
            description =
                    "cve.json becomes the REJECTED record with the reason, sent to CVE Services"
                            + " like every record; partners are told.")
    @APIResponse(
            responseCode = "422",
            description = "The advisory has no CVE id",
            content = @Content(mediaType = PROBLEM))
    public Uni<AdvisoryView> rejectCveRecord(
            @PathParam("id") UUID id, @Valid @NotNull WithdrawRequest request) {
        return retractions
                .rejectCveRecord(id, request.reason(), actor(), scope::covers)
                .map(mapper::toView);
    }

    @PUT
    @Path("/{id}/post-mortem")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Write the post-mortem",
            description =
                    "Published with the advisory and linked from it; "
                            + "on a published advisory, published at once as a new version.")
    public Uni<AdvisoryView> postMortem(
            @PathParam("id") UUID id, @Valid @NotNull PostMortemRequest request) {
        PostMortem postMortem =
                new PostMortem(
                        request.summary(),
                        request.timeline(),
                        request.rootCause(),
                        request.lessonsLearned(),
                        Instant.now());
        return advisories.postMortem(id, postMortem, actor(), scope::covers).map(mapper::toView);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Operation(summary = "Who did what to the advisory, oldest first")
    public Uni<List<AuditEntryView>> audit(@PathParam("id") UUID id) {
        return advisories
                .audit(id, scope::covers)
                .map(found -> found.stream().map(mapper::toView).toList());
    }

    @GET
    @Path("/{id}/cve-submissions")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Operation(
            summary = "The advisory's CVE records for CVE Services, oldest first",
            description =
                    "One per published version with a CVE id: pending, submitted, dry-run,"
                            + " not-configured (the program has no CVE Services account) or"
                            + " refused, with CVE Services' answer.")
    public Uni<List<CveSubmissionView>> cveSubmissions(@PathParam("id") UUID id) {
        return advisories
                .get(id, scope::covers)
                .chain(found -> cveSubmissions.ofAdvisory(id))
                .map(found -> found.stream().map(CveSubmissionView::of).toList());
    }

    @GET
    @Path("/{id}/preview/{format}")
    @RolesAllowed({"publisher", "coordinator", "admin"})
    @Produces({
        MediaType.APPLICATION_JSON,
        MediaType.TEXT_HTML,
        "application/vnd.cyclonedx+json; version=1.6"
    })
    @Operation(
            summary = "Preview an advisory as it will be published",
            description =
                    "The current revision rendered by the publication renderers (CSAF 2.0, its CSAF"
                        + " and CycloneDX VEX documents with partners' statements, OSV, CVE JSON 5,"
                        + " or the human page), dated at the lift time (now while none is set), as"
                        + " publication would make it public. Not stored, signed or cached; marked"
                        + " by the header "
                            + PREVIEW_HEADER
                            + ". Only for advisories not yet published.")
    @APIResponse(responseCode = "200", description = "The document, or the page (text/html)")
    @APIResponse(
            responseCode = "404",
            description =
                    "No such advisory, no CVE record (no CVE id) or no VEX document (no"
                            + " product statuses)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(
            responseCode = "409",
            description = "Already published: its documents are public",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(
            responseCode = "422",
            description = "Content not ready for publication; errors name what is missing",
            content = @Content(mediaType = PROBLEM))
    public Uni<Response> preview(
            @PathParam("id") UUID id,
            @PathParam("format") @Parameter(description = "csaf, vex, cdx, osv, cve or html")
                    AdvisoryPreviews.Format format) {
        return previews.preview(id, format, scope::covers)
                .map(
                        preview ->
                                Response.ok(preview.content(), preview.format().mediaType())
                                        .header(
                                                PREVIEW_HEADER,
                                                "%s version %d, not published"
                                                        .formatted(
                                                                preview.publicId(),
                                                                preview.version()))
                                        .header("Cache-Control", "no-store")
                                        .header("X-Content-Type-Options", "nosniff")
                                        // Opened on its own, the page runs nothing and loads
                                        // nothing.
                                        .header(
                                                "Content-Security-Policy",
                                                "sandbox; default-src 'none'")
                                        .build());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
