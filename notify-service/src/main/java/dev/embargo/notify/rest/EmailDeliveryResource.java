package dev.embargo.notify.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.security.StaffScope;
import dev.embargo.kit.work.Transactions;
import dev.embargo.notify.mapping.EmailDeliveryMapper;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The email delivery log, for the staff who answer for deliveries. */
@Path("/api/v1/email-deliveries")
@Tag(name = "Email deliveries", description = "What was sent, when, and what failed")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"coordinator", "admin"})
public class EmailDeliveryResource {

    private final EmailDeliveryRepository deliveries;
    private final EmailDeliveryMapper mapper;
    private final StaffScope scope;

    EmailDeliveryResource(
            EmailDeliveryRepository deliveries, EmailDeliveryMapper mapper, StaffScope scope) {
        this.scope = scope;
        this.deliveries = deliveries;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List email deliveries, newest first")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(
            responseCode = "401",
            description = "No valid access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "403",
            description = "Not a coordinator or admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<EmailDeliveryView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Transactions.inSession(() -> deliveries.listPage(scope.programs(), page, size))
                .map(found -> found.stream().map(mapper::toView).toList());
    }
}
