package dev.embargo.intake.rest;

import dev.embargo.intake.mapping.ReportLimitsMapper;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public: what a report and a message may hold, so that forms check it before sending. */
@Path("/api/v1/reports/limits")
@Tag(name = "Reports")
public class ReportLimitsResource {

    private final ReportLimitsMapper mapper;

    ReportLimitsResource(ReportLimitsMapper mapper) {
        this.mapper = mapper;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What a report and a message may hold",
            description =
                    "Required fields, lengths and patterns (from the requests' own validation), the"
                            + " largest text part and upload, and the files accepted: their size,"
                            + " number and types.")
    public ReportLimitsView limits() {
        return mapper.limits();
    }
}
