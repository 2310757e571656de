package dev.embargo.intake.rest;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.mapping.SecurityTxtRenderer;
import dev.embargo.intake.service.ProgramCatalog;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /.well-known/security.txt}: the default program's, as RFC 9116 places it. */
@Path("/.well-known")
@Tag(name = "Programs")
public class WellKnownResource {

    private final ProgramCatalog catalog;
    private final SecurityTxtRenderer securityTxt;
    private final IntakeConfig config;

    WellKnownResource(
            ProgramCatalog catalog, SecurityTxtRenderer securityTxt, IntakeConfig config) {
        this.catalog = catalog;
        this.securityTxt = securityTxt;
        this.config = config;
    }

    @GET
    @Path("/security.txt")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    @Operation(
            summary =
                    "The default program's security.txt (EMBARGO_DEFAULT_PROGRAM, else the first by"
                            + " slug)")
    public Uni<String> securityTxt() {
        String canonical = securityTxt.baseUrl() + "/.well-known/security.txt";
        Uni<ProgramCatalog.InForce> program =
                config.defaultProgram().isPresent()
                        ? catalog.inForce(config.defaultProgram().get())
                        : catalog.all()
                                .map(
                                        all -> {
                                            if (all.isEmpty()) {
                                                throw new ProblemException(
                                                        Problem.of(
                                                                Status.NOT_FOUND,
                                                                "No program is published yet."));
                                            }
                                            return all.getFirst();
                                        });
        return program.map(inForce -> securityTxt.render(inForce, canonical, Instant.now()));
    }
}
