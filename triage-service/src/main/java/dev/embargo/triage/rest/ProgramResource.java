package dev.embargo.triage.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.security.StaffScope;
import dev.embargo.policy.io.InvalidProgramException;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.mapping.ProgramMapper;
import dev.embargo.triage.service.ProgramRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Programs and their policies: every staff role reads them; admins and coordinators change them.
 */
@Path("/api/v1/programs")
@Tag(name = "Programs", description = "Programs and their disclosure policies, as revisions")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ProgramResource {

    private final ProgramRegistry registry;
    private final ProgramMapper mapper;
    private final SecurityIdentity identity;
    private final StaffScope scope;

    ProgramResource(
            ProgramRegistry registry,
            ProgramMapper mapper,
            SecurityIdentity identity,
            StaffScope scope) {
        this.scope = scope;
        this.registry = registry;
        this.mapper = mapper;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"triager", "coordinator", "publisher", "admin"})
    @Operation(summary = "List the programs with their revision in force")
    public Uni<List<ProgramRevisionView>> list() {
        return registry.inForce()
                .map(
                        revisions ->
                                revisions.stream()
                                        .filter(revision -> scope.covers(revision.slug))
                                        .map(mapper::toView)
                                        .toList());
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed({"triager", "coordinator", "publisher", "admin"})
    @Operation(summary = "A program's revision in force")
    @APIResponse(
            responseCode = "404",
            description = "No such program",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ProgramRevisionView> get(@PathParam("slug") String slug) {
        return registry.inForce(slug)
                .map(
                        revision -> {
                            if (revision == null || !scope.covers(slug)) {
                                throw new ProblemException(
                                        Problem.of(
                                                jakarta.ws.rs.core.Response.Status.NOT_FOUND,
                                                "No program named " + slug + "."));
                            }
                            return mapper.toView(revision);
                        });
    }

    @PUT
    @Path("/{slug}/releases")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a program's release list",
            description =
                    "The releases (version, date, lts, endOfLife) that the supported-versions rules"
                            + " of the policy count with, such as 'the two latest minor series';"
                            + " reported versions are classified against them. A changed list"
                            + " becomes a new revision of the program.")
    @APIResponse(responseCode = "200", description = "The revision in force afterwards")
    @APIResponse(
            responseCode = "422",
            description = "The program with this list was refused; errors name field and line",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ProgramRevisionView> releases(
            @PathParam("slug") String slug, @NotNull List<Program.Release> releases) {
        if (!scope.covers(slug)) {
            throw noSuchProgram(slug);
        }
        return registry.recordReleases(slug, releases, identity.getPrincipal().getName())
                .onFailure(InvalidProgramException.class)
                .transform(e -> new ProblemException(mapper.toProblem((InvalidProgramException) e)))
                .map(
                        revision -> {
                            if (revision == null) {
                                throw noSuchProgram(slug);
                            }
                            return mapper.toView(revision);
                        });
    }

    private static ProblemException noSuchProgram(String slug) {
        return new ProblemException(
                Problem.of(
                        jakarta.ws.rs.core.Response.Status.NOT_FOUND,
                        "No program named " + slug + "."));
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes({"application/yaml", "text/yaml", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(
            summary = "Create or change a program",
            description =
                    "The body is a program file (YAML or JSON). A changed program becomes a new"
                            + " revision; reports already received keep the revision they arrived"
                            + " under.")
    @APIResponse(responseCode = "200", description = "The revision in force afterwards")
    @APIResponse(
            responseCode = "422",
            description = "The program was refused as a whole; errors name field and line",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ProgramRevisionView> put(@PathParam("slug") String slug, String body) {
        if (!scope.covers(slug)) {
            throw new ProblemException(
                    Problem.of(
                            jakarta.ws.rs.core.Response.Status.NOT_FOUND,
                            "No program named " + slug + "."));
        }
        Program program;
        try {
            program = registry.parse(body == null ? "" : body, "request body");
        } catch (InvalidProgramException e) {
            throw new ProblemException(mapper.toProblem(e));
        }
        if (!program.slug().equals(slug)) {
            throw new ProblemException(
                    new Problem(
                            "https://embargo.dev/problems/invalid-program",
                            "Invalid program",
                            422,
                            "The program's slug differs from the URL.",
                            List.of(
                                    new Problem.FieldError(
                                            "slug",
                                            "is '"
                                                    + program.slug()
                                                    + "', the URL names '"
                                                    + slug
                                                    + "'"))));
        }
        return registry.record(program, "api", identity.getPrincipal().getName())
                .map(mapper::toView);
    }
}
