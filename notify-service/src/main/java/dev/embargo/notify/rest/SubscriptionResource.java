package dev.embargo.notify.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.security.StaffScope;
import dev.embargo.notify.mapping.PartnerMapper;
import dev.embargo.notify.service.SubscriptionBodies;
import dev.embargo.notify.service.Subscriptions;
import dev.embargo.notify.service.WebhookReplays;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Event subscriptions: coordinators push lifecycle events of their programs to their own tools
 * (CloudEvents, chat or issue-tracker bodies), signed like partners' webhooks.
 */
@Path("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Lifecycle events pushed to staff's own endpoints")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"coordinator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final Subscriptions subscriptions;
    private final WebhookReplays deliveries;
    private final PartnerMapper mapper;
    private final StaffScope scope;
    private final SecurityIdentity identity;

    SubscriptionResource(
            Subscriptions subscriptions,
            WebhookReplays deliveries,
            PartnerMapper mapper,
            StaffScope scope,
            SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.mapper = mapper;
        this.scope = scope;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Subscribe an endpoint to event types of programs",
            description = "Answers the signing secret whsec_…, shown once.")
    public Uni<Response> create(@Valid @NotNull SubscriptionRequest request) {
        List<String> outside =
                request.programs().stream().filter(program -> !scope.covers(program)).toList();
        if (!outside.isEmpty()) {
            throw new ProblemException(
                    Problem.of(
                            Response.Status.BAD_REQUEST,
                            "Not one of your programs: " + String.join(", ", outside)));
        }
        return subscriptions
                .create(
                        request.url(),
                        request.eventTypes(),
                        request.programs(),
                        request.format() == null
                                ? SubscriptionBodies.CLOUDEVENTS
                                : request.format(),
                        identity.getPrincipal().getName())
                .map(
                        issued ->
                                Response.status(Response.Status.CREATED)
                                        .entity(
                                                SubscriptionView.of(
                                                        issued.subscription(),
                                                        issued.endpoint(),
                                                        issued.secret()))
                                        .build());
    }

    @GET
    @Operation(summary = "The subscriptions to the caller's programs, without secrets")
    public Uni<List<SubscriptionView>> list() {
        return subscriptions
                .all()
                .map(
                        all ->
                                all.stream()
                                        .filter(
                                                listed ->
                                                        listed.subscription().programList().stream()
                                                                .allMatch(scope::covers))
                                        .map(
                                                listed ->
                                                        SubscriptionView.of(
                                                                listed.subscription(),
                                                                listed.endpoint(),
                                                                null))
                                        .toList());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            summary =
                    "The subscription's delivery log, newest first: status, tries, latency;"
                            + " never bodies or secrets")
    public Uni<List<WebhookDeliveryView>> deliveries(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(1000) int size) {
        return subscriptions
                .find(id)
                .invoke(
                        subscription -> {
                            if (!subscription.programList().stream().allMatch(scope::covers)) {
                                throw new ProblemException(
                                        Problem.of(
                                                Response.Status.NOT_FOUND,
                                                "No subscription " + id + "."));
                            }
                        })
                .chain(subscription -> deliveries.ofEndpoint(subscription.endpointId, page, size))
                .map(found -> found.stream().map(mapper::toView).toList());
    }
}
