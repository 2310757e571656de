package dev.embargo.triage.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The staff console's settings. Public: the console reads them before anyone has signed in. */
@Path("/console/config.json")
@Tag(name = "Console", description = "The staff console's settings")
@PermitAll
public class ConsoleResource {

    private final ConsoleSettings settings;

    ConsoleResource(ConsoleSettings settings) {
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Where the console signs in (Keycloak, realm, client) and where each service's"
                            + " staff API is")
    public RestResponse<ConsoleConfigView> config() {
        return RestResponse.ResponseBuilder.ok(settings.view())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
