package dev.embargo.notify.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.notify.mapping.PartnerMapper;
import dev.embargo.notify.service.Partners;
import dev.embargo.notify.service.WebhookReplays;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
 * The partner registry and each partner's webhook endpoints and delivery log. Coordinators and
 * admins.
 */
@Path("/api/v1/partners")
@Tag(
        name = "Partners",
        description = "Partners told under embargo, their webhook endpoints and deliveries")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"coordinator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {

    private final Partners partners;
    private final WebhookReplays deliveries;
    private final PartnerMapper mapper;

    PartnerResource(Partners partners, WebhookReplays deliveries, PartnerMapper mapper) {
        this.partners = partners;
        this.deliveries = deliveries;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a partner: its contact, partner groups and the programs it follows")
    @APIResponse(responseCode = "201", description = "Registered")
    public Uni<Response> register(@Valid @NotNull PartnerRequest request) {
        return partners.register(
                        request.name(),
                        request.contactEmail(),
                        request.groups(),
                        request.programs())
                .map(
                        partner ->
                                Response.status(Response.Status.CREATED)
                                        .entity(mapper.toView(partner))
                                        .build());
    }

    @GET
    @Operation(summary = "Every partner, by name")
    public Uni<List<PartnerView>> list() {
        return partners.all().map(found -> found.stream().map(mapper::toView).toList());
    }

    @GET
    @Path("/{partnerId}")
    @APIResponse(
            responseCode = "404",
            description = "No such partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<PartnerView> get(@PathParam("partnerId") UUID partnerId) {
        return partners.find(partnerId).map(mapper::toView);
    }

    @GET
    @Path("/{partnerId}/endpoints")
    @Operation(summary = "The partner's webhook endpoints (never their secrets)")
    public Uni<List<EndpointView>> endpoints(@PathParam("partnerId") UUID partnerId) {
        return partners.endpointsOf(partnerId)
                .map(found -> found.stream().map(mapper::toView).toList());
    }

    @POST
    @Path("/{partnerId}/endpoints")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a webhook endpoint",
            description =
                    "The URL must be HTTPS on a public address (SSRF check). The answer carries the"
                            + " signing secret (whsec_...): it is shown this once.")
    @APIResponse(responseCode = "201", description = "Added, with its secret")
    @APIResponse(
            responseCode = "400",
            description = "URL refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> addEndpoint(
            @PathParam("partnerId") UUID partnerId, @Valid @NotNull EndpointRequest request) {
        return partners.addEndpoint(partnerId, request.url())
                .map(
                        issued ->
                                Response.status(Response.Status.CREATED)
                                        .entity(mapper.toView(issued.endpoint(), issued.secret()))
                                        .build());
    }

    @GET
    @Path("/{partnerId}/deliveries")
    @Operation(
            summary =
                    "The partner's webhook delivery log, newest first: status, tries, latency;"
                            + " never bodies or secrets")
    public Uni<List<WebhookDeliveryView>> deliveries(
            @PathParam("partnerId") UUID partnerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(1000) int size) {
        return partners.find(partnerId)
                .chain(partner -> deliveries.ofPartner(partner.id, page, size))
                .map(found -> found.stream().map(mapper::toView).toList());
    }
}
