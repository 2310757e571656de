package dev.embargo.notify.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.notify.service.PartnerAnswers;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public partner API: no account, the capability link's token is the credential. People follow
 * the link from their copy ({@code /partner/v1/preadvisories/<token>}, a page); machines call the
 * same API there, or at {@code /partner/v1/preadvisory} with the token as a bearer token, which
 * keeps it out of URLs and logs.
 */
@Path("/partner/v1")
@Tag(
        name = "Partner answers",
        description = "Partners acknowledge a pre-advisory, state per product, report readiness")
public class PartnerAnswerResource {

    private static final String BEARER = "Bearer ";

    private final PartnerAnswers answers;
    private final Template page;

    PartnerAnswerResource(PartnerAnswers answers, @Location("partner-answers.html") Template page) {
        this.answers = answers;
        this.page = page;
    }

    @Path("/preadvisories/{token}")
    public PreAdvisoryAnswers byLink(@PathParam("token") String token) {
        return new PreAdvisoryAnswers(answers, page, token);
    }

    @Path("/preadvisory")
    public PreAdvisoryAnswers byBearer(@HeaderParam(HttpHeaders.AUTHORIZATION) String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ProblemException(
                    Problem.of(
                            Status.NOT_FOUND,
                            "Send the link's token as 'Authorization: Bearer <token>'."));
        }
        return new PreAdvisoryAnswers(answers, page, header.substring(BEARER.length()).strip());
    }
}
