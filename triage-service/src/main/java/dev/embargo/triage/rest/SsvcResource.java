package dev.embargo.triage.rest;

import dev.embargo.policy.ssvc.SsvcDecisionTable;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The SSVC decision tables a case is decided with, so the console offers exactly the decision
 * points and values of CERT/CC's published tables.
 */
@Path("/api/v1/ssvc/tables")
@Tag(name = "SSVC", description = "CERT/CC's SSVC decision tables")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"triager", "coordinator", "admin"})
public class SsvcResource {

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The decision points and outcomes of the SSVC tables",
            description =
                    "field names the member of PUT /api/v1/cases/{id}/ssvc that takes the"
                            + " table's decision points.")
    public List<TableView> tables() {
        return List.of(
                view("decisionPoints", SsvcDecisionTable.CISA_COORDINATOR),
                view("coordinatorTriage", SsvcDecisionTable.COORDINATOR_TRIAGE));
    }

    private static TableView view(String field, SsvcDecisionTable table) {
        return new TableView(
                field,
                table.name(),
                table.version(),
                table.decisionPoints().stream()
                        .map(
                                point ->
                                        new DecisionPointView(
                                                point.name(),
                                                point.values().stream()
                                                        .map(SsvcDecisionTable.Value::name)
                                                        .toList()))
                        .toList(),
                table.outcome().values().stream().map(SsvcDecisionTable.Value::name).toList());
    }

    /** A table: the request member it fills, its decision points and its possible outcomes. */
    public record TableView(
            String field,
            String name,
            String version,
            List<DecisionPointView> decisionPoints,
            List<String> outcomes) {}

    public record DecisionPointView(String name, List<String> values) {}
}
