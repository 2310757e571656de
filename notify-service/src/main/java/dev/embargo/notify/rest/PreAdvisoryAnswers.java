package dev.embargo.notify.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.notify.service.PartnerAnswers;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One partner's answers to one pre-advisory, reached through its token (see {@link
 * PartnerAnswerResource}). Every answer returns the partner's answers as they now stand.
 */
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "404",
        description = "Unknown or expired link",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class PreAdvisoryAnswers {

    /**
     * The page shows the partner's own text: Qute escapes it, and the page may run only notify's
     * own script. The token is in the page's URL, so no referrer leaves it and nothing caches it.
     */
    private static final String PAGE_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
                    + " form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final PartnerAnswers answers;
    private final Template page;
    private final String token;

    PreAdvisoryAnswers(PartnerAnswers answers, Template page, String token) {
        this.answers = answers;
        this.page = page;
        this.token = token;
    }

    @GET
    @Operation(summary = "The pre-advisory's answers as they stand")
    public Uni<PartnerLinkView> get() {
        return answers.view(token);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The same, as the page partners answer on")
    public Uni<Response> page() {
        return answers.view(token)
                .map(
                        view ->
                                Response.ok(page.data("link", view).render())
                                        .header("Content-Security-Policy", PAGE_POLICY)
                                        .header("Referrer-Policy", "no-referrer")
                                        .header("Cache-Control", "no-store")
                                        .header("X-Content-Type-Options", "nosniff")
                                        .build());
    }

    @POST
    @Path("/acknowledge")
    @Operation(summary = "Acknowledge receipt (once; again changes nothing)")
    public Uni<PartnerLinkView> acknowledge() {
        return answers.acknowledge(token);
    }

    @POST
    @Path("/statements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "State whether one of your products is affected",
            description =
                    "status: affected, not_affected (with justification: component_not_present,"
                        + " vulnerable_code_not_present,"
                        + " vulnerable_code_cannot_be_controlled_by_adversary,"
                        + " vulnerable_code_not_in_execute_path, inline_mitigations_already_exist),"
                        + " fixed (with fixedVersion) or under_investigation. A later statement"
                        + " about the same product replaces it.")
    @APIResponse(
            responseCode = "400",
            description = "Unknown status, missing or unknown justification, missing version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<PartnerLinkView> state(StatementRequest request) {
        return answers.state(token, request);
    }

    @PUT
    @Path("/readiness")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report readiness for the lift",
            description = "ready, need_more_time (with a reason) or cannot_meet.")
    @APIResponse(
            responseCode = "400",
            description = "Unknown readiness, or more time asked without a reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<PartnerLinkView> reportReadiness(ReadinessRequest request) {
        return answers.reportReadiness(token, request);
    }
}
