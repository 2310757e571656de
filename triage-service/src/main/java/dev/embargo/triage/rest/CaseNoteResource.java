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
 * Internal notes: staff to staff, never shown to the reporter. Messages to the reporter have their
 * own path.
 */
@Path("/api/v1/cases/{caseId}/notes")
@Tag(name = "Case notes", description = "Internal notes, never shared with the reporter")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"triager", "coordinator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class CaseNoteResource {

    private final CaseConversation conversation;
    private final SecurityIdentity identity;

    CaseNoteResource(CaseConversation conversation, SecurityIdentity identity) {
        this.conversation = conversation;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The case's internal notes, oldest first (never shown to the reporter)")
    @APIResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<WrittenView>> notes(@PathParam("caseId") UUID caseId) {
        return conversation
                .notesOf(caseId)
                .map(
                        notes ->
                                notes.stream()
                                        .map(
                                                note ->
                                                        new WrittenView(
                                                                note.id.toString(),
                                                                note.author,
                                                                conversation.open(note.sealedText),
                                                                note.writtenAt.toInstant(),
                                                                false))
                                        .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add an internal note",
            description = "Stays in triage: not on the status page, not by email, not on Kafka.")
    @APIResponse(responseCode = "201", description = "The note")
    public Uni<Response> addNote(
            @PathParam("caseId") UUID caseId, @Valid @NotNull TextRequest request) {
        return conversation
                .addNote(caseId, request.text(), identity.getPrincipal().getName())
                .map(
                        note ->
                                Response.status(Response.Status.CREATED)
                                        .entity(
                                                new WrittenView(
                                                        note.id.toString(),
                                                        note.author,
                                                        request.text(),
                                                        note.writtenAt.toInstant(),
                                                        false))
                                        .build());
    }
}
