package dev.embargo.triage.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.policy.model.CvssScore;
import dev.embargo.triage.mapping.CvssMapper;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Scores CVSS vectors with the calculator that scores cases, so the console's CVSS calculator shows
 * the score a case would get and no second implementation of CVSS exists.
 */
@Path("/api/v1/cvss/scores")
@Tag(name = "CVSS", description = "CVSS 3.x and 4.0 base scores")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"triager", "coordinator", "publisher", "admin"})
public class CvssResource {

    private final CvssMapper mapper;

    CvssResource(CvssMapper mapper) {
        this.mapper = mapper;
    }

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Score a CVSS 3.0, 3.1 or 4.0 vector",
            description =
                    "Nothing is stored; PUT /api/v1/cases/{id}/severity "
                            + "sets a case's severity.")
    @APIResponse(responseCode = "200", description = "The base score and its qualitative rating")
    @APIResponse(
            responseCode = "400",
            description = "Not a valid CVSS vector",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CvssScoreView score(@Valid @NotNull CvssScoreRequest request) {
        try {
            return mapper.toView(CvssScore.parse(request.vector()));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    new Problem(
                            "about:blank",
                            "Bad Request",
                            400,
                            "The vector cannot be scored.",
                            List.of(new Problem.FieldError("vector", e.getMessage()))));
        }
    }
}
