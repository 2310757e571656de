package dev.embargo.triage.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.Program;
import dev.embargo.policy.model.VersionSupport;
import dev.embargo.triage.domain.VulnerabilityCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides whether a report is the program's business: one of its scope classes (in or out of
 * scope), and the affected and fixed versions, each checked against its supported-versions table
 * and the release list in force. A class the program does not have is refused with the ones it has.
 */
@ApplicationScoped
public class ScopeDecisions {

    private final LockedCases cases;
    private final CaseAudit audit;
    private final ObjectMapper json;
    private final ProgramRegistry programs;
    private final TriageClock clock;

    ScopeDecisions(
            LockedCases cases,
            CaseAudit audit,
            ObjectMapper json,
            ProgramRegistry programs,
            TriageClock clock) {
        this.cases = cases;
        this.audit = audit;
        this.json = json;
        this.programs = programs;
        this.clock = clock;
    }

    public Uni<VulnerabilityCase> decide(
            UUID caseId,
            String scopeClass,
            List<String> affected,
            List<String> fixed,
            String reason,
            String actor) {
        return cases.changeUnderPolicy(
                caseId,
                (vulnerabilityCase, program) -> {
                    DisclosurePolicy.Scope scope =
                            program == null ? null : program.policy().scope();
                    boolean inScope = classesOf(scope, true).anyMatch(scopeClass::equals);
                    if (!inScope && classesOf(scope, false).noneMatch(scopeClass::equals)) {
                        String known =
                                Stream.concat(classesOf(scope, true), classesOf(scope, false))
                                        .collect(Collectors.joining(", "));
                        throw new ProblemException(
                                new Problem(
                                        "about:blank",
                                        "Bad Request",
                                        400,
                                        "The scope cannot be decided.",
                                        List.of(
                                                new Problem.FieldError(
                                                        "scopeClass",
                                                        "'"
                                                                + scopeClass
                                                                + "' is not a class of this"
                                                                + " program; its classes: ["
                                                                + known
                                                                + "]"))));
                    }
                    return programs.releasesInForce(vulnerabilityCase.programSlug)
                            .chain(
                                    releases -> {
                                        LocalDate today =
                                                clock.today(
                                                        program == null
                                                                ? null
                                                                : program.timeZone());
                                        List<CheckedVersion> versions =
                                                Stream.concat(
                                                                checked(
                                                                        program,
                                                                        releases,
                                                                        affected,
                                                                        "affected",
                                                                        today),
                                                                checked(
                                                                        program, releases, fixed,
                                                                        "fixed", today))
                                                        .toList();
                                        vulnerabilityCase.scopeClass = scopeClass;
                                        vulnerabilityCase.inScope = inScope;
                                        vulnerabilityCase.versions = write(versions);
                                        supportOfAffected(versions)
                                                .ifPresent(
                                                        support ->
                                                                vulnerabilityCase.versionSupport =
                                                                        support);
                                        String action =
                                                "scope "
                                                        + scopeClass
                                                        + (inScope
                                                                ? " (in scope)"
                                                                : " (out of scope)")
                                                        + versions.stream()
                                                                .map(
                                                                        version ->
                                                                                "; "
                                                                                        + version
                                                                                                .role()
                                                                                        + " "
                                                                                        + version
                                                                                                .version()
                                                                                        + " ("
                                                                                        + version.support()
                                                                                                .toLowerCase(
                                                                                                        Locale
                                                                                                                .ROOT)
                                                                                        + ")")
                                                                .collect(Collectors.joining());
                                        return audit.record(caseId, actor, action, reason)
                                                .replaceWith(vulnerabilityCase);
                                    });
                });
    }

    /** The case's affected and fixed versions as decided, with their support. */
    public List<CheckedVersion> versionsOf(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.versions == null) {
            return List.of();
        }
        try {
            return json.readValue(
                    vulnerabilityCase.versions, new TypeReference<List<CheckedVersion>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Case " + vulnerabilityCase.id + " holds unreadable versions", e);
        }
    }

    /**
     * The case's flag from its affected versions: supported when any still gets fixes, unsupported
     * when none does, unchanged when none was named or the table cannot tell.
     */
    private static Optional<VersionSupport> supportOfAffected(List<CheckedVersion> versions) {
        List<VersionSupport> affected =
                versions.stream()
                        .filter(version -> version.role().equals("affected"))
                        .map(version -> VersionSupport.valueOf(version.support()))
                        .toList();
        if (affected.contains(VersionSupport.SUPPORTED)) {
            return Optional.of(VersionSupport.SUPPORTED);
        }
        return !affected.isEmpty() && affected.stream().allMatch(VersionSupport.UNSUPPORTED::equals)
                ? Optional.of(VersionSupport.UNSUPPORTED)
                : Optional.empty();
    }

    private static Stream<CheckedVersion> checked(
            Program program,
            List<Program.Release> releases,
            List<String> versions,
            String role,
            LocalDate today) {
        List<DisclosurePolicy.SupportedVersion> table =
                program == null ? null : program.policy().supportedVersions();
        return versions == null
                ? Stream.empty()
                : versions.stream()
                        .map(
                                version ->
                                        new CheckedVersion(
                                                role,
                                                version.strip(),
                                                VersionSupport.of(table, releases, version, today)
                                                        .name()));
    }

    private static Stream<String> classesOf(DisclosurePolicy.Scope scope, boolean inScope) {
        List<DisclosurePolicy.ScopeClass> classes =
                scope == null ? null : inScope ? scope.inScope() : scope.outOfScope();
        return classes == null
                ? Stream.empty()
                : classes.stream().map(DisclosurePolicy.ScopeClass::id);
    }

    private String write(List<CheckedVersion> versions) {
        try {
            return json.writeValueAsString(versions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Versions always serialize", e);
        }
    }

    /**
     * A version named in the decision and whether the program still fixes it.
     *
     * @param role {@code affected} or {@code fixed}
     * @param support {@code SUPPORTED}, {@code UNSUPPORTED} or {@code UNKNOWN}
     */
    public record CheckedVersion(String role, String version, String support) {}
}
