package dev.embargo.triage.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.triage.service.CaseConversation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Messages to the reporter. Internal notes have their own path, so one is never sent as the other.
 */
@Path("/api/v1/cases/{caseId}/messages")
@Tag(name = "Case messages", description = "What the team writes to the reporter")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"triager", "coordinator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class CaseMessageResource {

    private final CaseConversation conversation;
    private final SecurityIdentity identity;

    CaseMessageResource(CaseConversation conversation, SecurityIdentity identity) {
        this.conversation = conversation;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The conversation with the reporter, both ways, oldest first")
    @APIResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<WrittenView>> messages(@PathParam("caseId") UUID caseId) {
        return conversation
                .messagesOf(caseId)
                .map(
                        messages ->
                                messages.stream()
                                        .map(
                                                message ->
                                                        new WrittenView(
                                                                message.id.toString(),
                                                                message.author,
                                                                conversation.open(
                                                                        message.sealedBody),
                                                                message.postedAt.toInstant(),
                                                                message.fromReporter))
                                        .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Write to the reporter",
            description =
                    "Shown on the report's status page and emailed to the reporter"
                            + " (case.message.posted.v1, sealed), signed by the security team.")
    @APIResponse(responseCode = "201", description = "The message")
    public Uni<Response> postMessage(
            @PathParam("caseId") UUID caseId, @Valid @NotNull TextRequest request) {
        return conversation
                .postMessage(caseId, request.text(), identity.getPrincipal().getName())
                .map(
                        message ->
                                Response.status(Response.Status.CREATED)
                                        .entity(
                                                new WrittenView(
                                                        message.id.toString(),
                                                        message.author,
                                                        request.text(),
                                                        message.postedAt.toInstant(),
                                                        false))
                                        .build());
    }
}
