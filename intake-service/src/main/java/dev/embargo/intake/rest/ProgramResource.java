package dev.embargo.intake.rest;

import dev.embargo.intake.mapping.ProgramMapper;
import dev.embargo.intake.mapping.SecurityPolicyRenderer;
import dev.embargo.intake.mapping.SecurityTxtRenderer;
import dev.embargo.intake.service.ProgramCatalog;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.policy.deadline.CaseFacts;
import dev.embargo.policy.deadline.DeadlineEngine;
import dev.embargo.policy.model.DisclosurePolicy;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public: the programs, what their policies promise, their security.txt and SECURITY.md. */
@Path("/api/v1/programs")
@Tag(name = "Programs", description = "Where to report, and what the program promises")
public class ProgramResource {

    private final ProgramCatalog catalog;
    private final ProgramMapper mapper;
    private final SecurityTxtRenderer securityTxt;
    private final SecurityPolicyRenderer securityPolicy;
    private final DeadlineEngine deadlines = new DeadlineEngine();

    ProgramResource(
            ProgramCatalog catalog,
            ProgramMapper mapper,
            SecurityTxtRenderer securityTxt,
            SecurityPolicyRenderer securityPolicy) {
        this.catalog = catalog;
        this.mapper = mapper;
        this.securityTxt = securityTxt;
        this.securityPolicy = securityPolicy;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The programs that accept reports")
    public Uni<List<ProgramView>> list() {
        return catalog.all().map(all -> all.stream().map(mapper::toView).toList());
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A program and its policy, revision in force")
    @APIResponse(
            responseCode = "404",
            description = "No such program",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ProgramView> get(@PathParam("slug") String slug) {
        return catalog.inForce(slug).map(mapper::toView);
    }

    @GET
    @Path("/{slug}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Timeline preview",
            description =
                    "Every deadline the policy sets for a report arriving at 'arrivedAt' (default:"
                            + " now) with an optional severity and track, normal or expedited.")
    @APIResponse(
            responseCode = "400",
            description = "Bad time, or a severity or track the program does not have",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<TimelineDeadlineView>> timeline(
            @PathParam("slug") String slug,
            @QueryParam("arrivedAt") String arrivedAt,
            @QueryParam("severity") String severity,
            @QueryParam("track") String track,
            @QueryParam("expedited") @DefaultValue("false") boolean expedited) {
        Instant arrival = parseInstant(arrivedAt);
        return catalog.inForce(slug)
                .map(
                        inForce -> {
                            DisclosurePolicy policy = inForce.program().policy();
                            List<String> levels =
                                    policy.severity() == null
                                            ? List.of()
                                            : policy.severity().levels().stream()
                                                    .map(DisclosurePolicy.SeverityLevel::name)
                                                    .toList();
                            refuseUnknown("severity", severity, levels);
                            refuseUnknown(
                                    "track",
                                    track,
                                    policy.tracks().stream()
                                            .map(DisclosurePolicy.Track::id)
                                            .toList());
                            CaseFacts facts =
                                    new CaseFacts(arrival, severity, expedited, List.of())
                                            .onTrack(track);
                            return deadlines.timeline(inForce.program(), facts).stream()
                                    .map(mapper::toView)
                                    .toList();
                        });
    }

    /** A 400 naming the program's own values when {@code value} is not one of them. */
    private static void refuseUnknown(String what, String value, List<String> known) {
        if (value != null && !known.contains(value)) {
            throw new ProblemException(
                    Problem.of(
                            Status.BAD_REQUEST,
                            "Unknown "
                                    + what
                                    + " '"
                                    + value
                                    + "'; "
                                    + (known.isEmpty()
                                            ? "this program's policy has none."
                                            : "this program's are " + known + ".")));
        }
    }

    @GET
    @Path("/{slug}/security.txt")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    @Operation(summary = "The program's RFC 9116 security.txt")
    public Uni<String> securityTxt(@PathParam("slug") String slug) {
        return catalog.inForce(slug)
                .map(inForce -> securityTxt.render(inForce, securityTxtUrl(slug), Instant.now()));
    }

    @GET
    @Path("/{slug}/SECURITY.md")
    @Produces("text/markdown;charset=utf-8")
    @Operation(summary = "The program's SECURITY.md, generated from its policy")
    public Uni<String> securityPolicy(@PathParam("slug") String slug) {
        return catalog.inForce(slug).map(inForce -> securityPolicy.render(inForce.program()));
    }

    @GET
    @Path("/{slug}/openpgp-key.asc")
    @Produces("application/pgp-keys")
    @Operation(summary = "The program's public OpenPGP key, when it has published one")
    @APIResponse(
            responseCode = "404",
            description = "No key published",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<String> openPgpKey(@PathParam("slug") String slug) {
        return catalog.inForce(slug)
                .map(
                        inForce -> {
                            String key = inForce.program().openPgp().armoredKey();
                            if (key == null) {
                                throw new ProblemException(
                                        Problem.of(
                                                Status.NOT_FOUND,
                                                "This program has not published an OpenPGP key ("
                                                        + inForce.program().openPgp().status()
                                                        + ")."));
                            }
                            return key;
                        });
    }

    private String securityTxtUrl(String slug) {
        return securityTxt.baseUrl() + "/api/v1/programs/" + slug + "/security.txt";
    }

    private static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(
                    Problem.of(
                            Status.BAD_REQUEST,
                            "arrivedAt must be an ISO-8601 instant such as 2026-11-27T18:00:00Z."));
        }
    }
}
