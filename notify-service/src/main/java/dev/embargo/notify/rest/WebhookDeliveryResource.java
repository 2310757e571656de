package dev.embargo.notify.rest;

import dev.embargo.notify.mapping.PartnerMapper;
import dev.embargo.notify.service.WebhookReplays;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One webhook delivery, sent again on request. */
@Path("/api/v1/webhook-deliveries/{deliveryId}")
@Tag(name = "Partners")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"coordinator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class WebhookDeliveryResource {

    private final WebhookReplays replays;
    private final PartnerMapper mapper;

    WebhookDeliveryResource(WebhookReplays replays, PartnerMapper mapper) {
        this.replays = replays;
        this.mapper = mapper;
    }

    @POST
    @Path("/replay")
    @Operation(
            summary = "Send the delivery again (same webhook-id and body, a fresh retry schedule)")
    public Uni<WebhookDeliveryView> replay(@PathParam("deliveryId") UUID deliveryId) {
        return replays.replay(deliveryId).map(mapper::toView);
    }
}
