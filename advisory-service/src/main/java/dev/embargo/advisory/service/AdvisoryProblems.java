package dev.embargo.advisory.service;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The problems advisory answers with, each named once. */
final class AdvisoryProblems {

    private AdvisoryProblems() {}

    static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, what));
    }

    static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.typed(slug, 409, "Conflict", detail));
    }

    static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(Problem.typed(slug, 422, "Unprocessable request", detail));
    }

    /** Content not ready for the public: every missing field named. */
    static ProblemException incomplete(List<Problem.FieldError> missing) {
        return new ProblemException(
                new Problem(
                        "https://embargo.dev/problems/advisory-incomplete",
                        "Advisory incomplete",
                        422,
                        "The advisory cannot be scheduled or published until these are filled in.",
                        missing));
    }
}
