package dev.embargo.triage.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.triage.service.Integrations;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Integrations, the service accounts of scripts and tools: admins only. An integration's tokens
 * (client-credentials grant) pass the same role and program checks as staff tokens.
 */
@Path("/api/v1/integrations")
@Tag(name = "Integrations", description = "Service accounts for scripts and tools")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class IntegrationResource {

    private final Integrations integrations;
    private final SecurityIdentity identity;

    IntegrationResource(Integrations integrations, SecurityIdentity identity) {
        this.integrations = integrations;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(
            summary = "Create an integration",
            description =
                    "Answers the client ID and secret for the client-credentials grant, once.")
    @APIResponse(
            responseCode = "409",
            description = "An integration of that name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<IntegrationViews.Credentials> create(@Valid @NotNull IntegrationRequest request) {
        return integrations
                .create(
                        request.name(),
                        request.roles(),
                        request.programs(),
                        identity.getPrincipal().getName())
                .map(
                        created ->
                                IntegrationViews.Credentials.of(
                                        created.integration(), created.secret()));
    }

    @GET
    @Operation(summary = "The integrations, revoked ones included, without secrets")
    public Uni<List<IntegrationViews.Listed>> list() {
        return integrations
                .list()
                .map(all -> all.stream().map(IntegrationViews.Listed::of).toList());
    }

    @POST
    @Path("/{id}/secret")
    @Operation(
            summary = "Rotate an integration's secret",
            description = "The old secret stops working; the new one is shown once.")
    @APIResponse(
            responseCode = "404",
            description = "No such integration, or it is revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<IntegrationViews.Credentials> rotateSecret(@PathParam("id") UUID id) {
        return integrations
                .rotateSecret(id, identity.getPrincipal().getName())
                .map(
                        rotated ->
                                IntegrationViews.Credentials.of(
                                        rotated.integration(), rotated.secret()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Revoke an integration",
            description =
                    "Deletes its Keycloak client; triage refuses its tokens at once, the other"
                            + " services once they expire"
                            + " (embargo.triage.integrations.token-lifespan).")
    @APIResponse(
            responseCode = "404",
            description = "No such integration, or it is revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Void> revoke(@PathParam("id") UUID id) {
        return integrations.revoke(id, identity.getPrincipal().getName());
    }
}
