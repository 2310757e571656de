package dev.embargo.triage.mapping;

import dev.embargo.kit.problem.Problem;
import dev.embargo.policy.io.InvalidProgramException;
import dev.embargo.triage.domain.ProgramRevision;
import dev.embargo.triage.rest.ProgramRevisionView;
import jakarta.enterprise.context.ApplicationScoped;

/** Between the wire and the program registry. */
@ApplicationScoped
public class ProgramMapper {

    public ProgramRevisionView toView(ProgramRevision revision) {
        return new ProgramRevisionView(
                revision.slug,
                revision.revision,
                revision.publishedAt.toInstant(),
                revision.source,
                revision.changedBy,
                revision.document);
    }

    /** A refused program as a 422 problem listing every error with its field and line. */
    public Problem toProblem(InvalidProgramException refusal) {
        return new Problem(
                "https://embargo.dev/problems/invalid-program",
                "Invalid program",
                422,
                "The program was refused as a whole; nothing was changed.",
                refusal.errors().stream()
                        .map(
                                error ->
                                        new Problem.FieldError(
                                                error.field(), error.line(), error.message()))
                        .toList());
    }
}
