package dev.embargo.intake.service;

import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.intake.domain.ArmoredMessage;
import dev.embargo.intake.domain.PublishedProgram;
import dev.embargo.intake.repository.ProgramRepository;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.DisclosurePolicy.ScopeClass;
import dev.embargo.policy.model.Program;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The programs intake accepts reports for: its own copy of each program's revision in force, kept
 * from triage's {@code program.policy.published} events. An older or repeated revision changes
 * nothing.
 */
@ApplicationScoped
public class ProgramCatalog {

    private final ProgramRepository programs;
    private final ProgramFiles files = new ProgramFiles();

    /** Parsed programs by slug and revision: a revision never changes, so it is parsed once. */
    private final Map<String, Program> parsed = new ConcurrentHashMap<>();

    ProgramCatalog(ProgramRepository programs) {
        this.programs = programs;
    }

    /** Applies a published revision; called inside the consumer's transaction. */
    public Uni<Void> apply(ProgramPolicyPublished published) {
        return programs.findById(published.slug())
                .chain(
                        current -> {
                            if (current != null && current.revision >= published.revision()) {
                                return Uni.createFrom().voidItem();
                            }
                            PublishedProgram program =
                                    current != null ? current : new PublishedProgram();
                            program.slug = published.slug();
                            program.revision = published.revision();
                            program.document = published.document();
                            program.publishedAt = published.publishedAt().atOffset(ZoneOffset.UTC);
                            return current != null
                                    ? Uni.createFrom().voidItem()
                                    : programs.persist(program).replaceWithVoid();
                        });
    }

    /** The program's revision in force, or a 404 problem. */
    public Uni<InForce> inForce(String slug) {
        return Transactions.inSession(() -> programs.findById(slug))
                .map(
                        found -> {
                            if (found == null) {
                                throw new ProblemException(
                                        Problem.of(
                                                Status.NOT_FOUND,
                                                "No program named '" + slug + "'."));
                            }
                            return inForce(found);
                        });
    }

    public Uni<List<InForce>> all() {
        return Transactions.inSession(programs::listBySlug)
                .map(found -> found.stream().map(this::inForce).toList());
    }

    /** The program's published OpenPGP key (ASCII armor); null when it publishes none. */
    public String publishedKeyOf(PublishedProgram published) {
        Program.OpenPgp openPgp = inForce(published).program().openPgp();
        return openPgp != null && "published".equals(openPgp.status())
                ? openPgp.armoredKey()
                : null;
    }

    /**
     * Refuses (422, naming the field) text that is armored OpenPGP but not a message the program
     * can read; plain text and readable encrypted text pass.
     */
    public void checkEncrypted(PublishedProgram published, String field, String text) {
        if (!ArmoredMessage.looksArmored(text)) {
            return;
        }
        ArmoredMessage.refusal(text, publishedKeyOf(published))
                .ifPresent(
                        refusal -> {
                            throw new ProblemException(
                                    new Problem(
                                            "https://embargo.dev/problems/unreadable-encryption",
                                            "Unreadable encryption",
                                            422,
                                            "The encrypted "
                                                    + field
                                                    + " cannot be accepted: "
                                                    + refusal
                                                    + ".",
                                            List.of(new Problem.FieldError(field, refusal))));
                        });
    }

    /**
     * Refuses (422, naming the field and the program's classes) a scope class the program does not
     * have: in scope, out of scope or decided case by case. A class the program sends elsewhere is
     * not its to receive.
     */
    public void checkScopeClass(PublishedProgram published, String scopeClass) {
        if (scopeClass == null) {
            return;
        }
        var scope = inForce(published).program().policy().scope();
        List<String> classes =
                Stream.of(scope.inScope(), scope.outOfScope(), scope.caseByCase())
                        .flatMap(List::stream)
                        .map(ScopeClass::id)
                        .toList();
        if (!classes.contains(scopeClass)) {
            throw new ProblemException(
                    new Problem(
                            "https://embargo.dev/problems/unknown-scope-class",
                            "Unknown scope class",
                            422,
                            "The program has no scope class '" + scopeClass + "'.",
                            List.of(new Problem.FieldError("scopeClass", "one of " + classes))));
        }
    }

    private InForce inForce(PublishedProgram published) {
        Program program =
                parsed.computeIfAbsent(
                        published.slug + "@" + published.revision,
                        key -> files.readPublished(published.document, key));
        return new InForce(published, program);
    }

    /** A program as published, and parsed. */
    public record InForce(PublishedProgram published, Program program) {}
}
