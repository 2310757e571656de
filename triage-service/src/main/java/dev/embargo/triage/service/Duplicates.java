package dev.embargo.triage.service;

import dev.embargo.contracts.report.CaseDuplicateMarked;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import dev.embargo.triage.domain.TextFingerprint;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One vulnerability, several reports: likely duplicates are suggested by text similarity, and a
 * case marked duplicate points at the vulnerability's first report, whose reporters list keeps
 * every reporter for credit.
 *
 * <p>Report text is sealed at rest, so pg_trgm cannot index it; each case instead stores a keyed
 * fingerprint of its trigrams ({@link TextFingerprint}) and similarity is computed over those.
 */
@ApplicationScoped
public class Duplicates {

    private static final int SUGGESTIONS = 5;

    private final CaseRepository cases;
    private final LockedCases visibility;
    private final FieldCipher cipher;
    private final Outbox outbox;
    private final TextFingerprint fingerprint;

    Duplicates(CaseRepository cases, LockedCases visibility, FieldCipher cipher, Outbox outbox) {
        this.cases = cases;
        this.visibility = visibility;
        this.cipher = cipher;
        this.outbox = outbox;
        this.fingerprint = new TextFingerprint(cipher.derivedKey("similarity-fingerprint-v1"));
    }

    /** The fingerprint a newly opened case stores with its row, of its plain title and text. */
    public long[] fingerprintOf(String title, String description) {
        return fingerprint.of(title + "\n" + description);
    }

    /** Cases of the same program whose reports read alike, most similar first. */
    public Uni<List<Suggestion>> suggestionsFor(UUID caseId) {
        return Transactions.inSession(
                () ->
                        cases.findById(caseId)
                                .map(found -> visibility.visible(found, caseId))
                                .chain(
                                        target ->
                                                cases.similarTo(
                                                        target.id,
                                                        TextFingerprint.LIKELY_DUPLICATE,
                                                        SUGGESTIONS))
                                .chain(
                                        similar -> {
                                            Uni<List<Suggestion>> suggestions =
                                                    Uni.createFrom().item(new ArrayList<>());
                                            for (CaseRepository.Similarity match : similar) {
                                                suggestions =
                                                        suggestions.chain(
                                                                found ->
                                                                        cases.findById(
                                                                                        match
                                                                                                .caseId())
                                                                                .map(
                                                                                        candidate -> {
                                                                                            found
                                                                                                    .add(
                                                                                                            new Suggestion(
                                                                                                                    candidate,
                                                                                                                    match
                                                                                                                            .similarity()));
                                                                                            return found;
                                                                                        }));
                                            }
                                            return suggestions;
                                        }));
    }

    /**
     * Resolves what a case is marked duplicate of (a case id or a tracking id) to the
     * vulnerability's first report: a duplicate of a duplicate points at the original.
     */
    public Uni<VulnerabilityCase> originalFor(VulnerabilityCase duplicate, String duplicateOf) {
        if (duplicateOf == null || duplicateOf.isBlank()) {
            throw invalid("give the case (id or tracking id) this one duplicates");
        }
        String reference = duplicateOf.strip();
        Uni<VulnerabilityCase> named =
                reference.startsWith("EMB-")
                        ? cases.findByTrackingId(reference)
                        : parsedId(reference)
                                .map(cases::findById)
                                .orElseGet(() -> Uni.createFrom().nullItem());
        return named.chain(
                original -> {
                    if (original == null || !visibility.covers(original)) {
                        throw invalid("no case " + reference);
                    }
                    if (original.id.equals(duplicate.id)) {
                        throw invalid("a case cannot duplicate itself");
                    }
                    return original.duplicateOf == null
                            ? Uni.createFrom().item(original)
                            : cases.findById(original.duplicateOf);
                });
    }

    /** Announces the marking, so the reporter's credit follows the original (advisory). */
    public Uni<Void> announce(
            VulnerabilityCase duplicate, VulnerabilityCase original, String actor, Instant at) {
        return outbox.stage(
                        new CaseDuplicateMarked(
                                duplicate.reportId.toString(),
                                duplicate.id.toString(),
                                duplicate.trackingId,
                                duplicate.programSlug,
                                original.id.toString(),
                                original.trackingId,
                                cipher.sealIfPlain(duplicate.sealedCreditName),
                                actor,
                                at))
                .replaceWithVoid();
    }

    /**
     * The case's reporter and the reporters of its duplicates, first reported first: everyone to
     * credit.
     */
    public Uni<List<VulnerabilityCase>> reportersOf(UUID caseId) {
        return Transactions.inSession(
                () ->
                        cases.findById(caseId)
                                .map(found -> visibility.visible(found, caseId))
                                .chain(
                                        original ->
                                                cases.duplicatesOf(original.id)
                                                        .map(
                                                                duplicates -> {
                                                                    List<VulnerabilityCase> all =
                                                                            new ArrayList<>();
                                                                    all.add(original);
                                                                    all.addAll(duplicates);
                                                                    return all;
                                                                })));
    }

    private static java.util.Optional<UUID> parsedId(String reference) {
        try {
            return java.util.Optional.of(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static ProblemException invalid(String message) {
        return new ProblemException(
                new Problem(
                        "https://embargo.dev/problems/invalid-duplicate",
                        "Not a duplicate",
                        422,
                        "The case cannot be marked duplicate: " + message + ".",
                        List.of(new Problem.FieldError("duplicateOf", message))));
    }

    /** A case that may report the same vulnerability. */
    public record Suggestion(VulnerabilityCase candidate, double similarity) {}
}
