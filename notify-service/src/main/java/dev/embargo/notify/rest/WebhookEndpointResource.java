package dev.embargo.notify.rest;

import dev.embargo.notify.mapping.PartnerMapper;
import dev.embargo.notify.service.Partners;
import dev.embargo.notify.service.WebhookReplays;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One webhook endpoint: its secret, whether it receives, and replays of what it missed. */
@Path("/api/v1/webhook-endpoints/{endpointId}")
@Tag(name = "Partners")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"coordinator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {

    private final Partners partners;
    private final WebhookReplays replays;
    private final PartnerMapper mapper;

    WebhookEndpointResource(Partners partners, WebhookReplays replays, PartnerMapper mapper) {
        this.partners = partners;
        this.replays = replays;
        this.mapper = mapper;
    }

    @POST
    @Path("/secret-rotation")
    @Operation(
            summary = "Issue a new signing secret",
            description =
                    "Shown this once. The previous secret keeps signing alongside (two signatures"
                            + " per message) until previousSecretValidUntil.")
    public Uni<EndpointView> rotate(@PathParam("endpointId") UUID endpointId) {
        return partners.rotateSecret(endpointId)
                .map(issued -> mapper.toView(issued.endpoint(), issued.secret()));
    }

    @PUT
    @Path("/enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Enable or disable the endpoint; an enabled endpoint gets the deliveries"
                            + " waiting for it")
    public Uni<EndpointView> enabled(
            @PathParam("endpointId") UUID endpointId, @Valid @NotNull EnabledRequest request) {
        return partners.setEnabled(endpointId, request.enabled()).map(mapper::toView);
    }

    @POST
    @Path("/replays")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Send again everything queued for the endpoint since a time (same webhook-ids"
                            + " and bodies)")
    public Uni<Map<String, Integer>> replay(
            @PathParam("endpointId") UUID endpointId, @Valid @NotNull ReplayRequest request) {
        return replays.replaySince(endpointId, request.since())
                .map(count -> Map.of("requeued", count));
    }
}
