package dev.embargo.triage.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.domain.ProgramObligations;
import dev.embargo.triage.domain.ProgramRevision;
import dev.embargo.triage.repository.ProgramRevisionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Triage owns programs. A program that differs from its revision in force becomes a new revision,
 * published on the compacted program-policies topic in the same transaction; an unchanged one
 * changes nothing. Programs are read and checked by {@link ProgramFiles}, so a program file and an
 * API payload follow the same rules and are refused whole.
 */
@ApplicationScoped
public class ProgramRegistry {

    private final ProgramRevisionRepository revisions;
    private final Outbox outbox;
    private final ProgramFiles files = new ProgramFiles();

    /**
     * Parsed revisions by slug and number: a recorded revision never changes, so each is read and
     * checked once.
     */
    private final Map<String, Program> parsedRevisions = new ConcurrentHashMap<>();

    private final ObjectMapper json;

    ProgramRegistry(ProgramRevisionRepository revisions, Outbox outbox, ObjectMapper json) {
        this.revisions = revisions;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Records the program as its new revision unless it equals the one in force.
     *
     * @return the revision in force afterwards
     */
    public Uni<ProgramRevision> record(Program program, String source, String changedBy) {
        String document = files.toJson(program);
        return Transactions.inTransaction(
                () ->
                        revisions
                                .latest(program.slug())
                                .chain(
                                        current -> {
                                            if (current != null
                                                    && current.document.equals(document)) {
                                                return Uni.createFrom().item(current);
                                            }
                                            ProgramRevision next = new ProgramRevision();
                                            next.slug = program.slug();
                                            next.revision =
                                                    current == null ? 1 : current.revision + 1;
                                            next.document = document;
                                            next.source = source;
                                            next.changedBy = changedBy;
                                            next.publishedAt =
                                                    OffsetDateTime.now(ZoneOffset.UTC)
                                                            .truncatedTo(ChronoUnit.MICROS);
                                            return revisions
                                                    .persist(next)
                                                    .chain(
                                                            () ->
                                                                    outbox.stage(
                                                                            new ProgramPolicyPublished(
                                                                                    next.slug,
                                                                                    next.revision,
                                                                                    next.publishedAt
                                                                                            .toInstant(),
                                                                                    next.document)))
                                                    .replaceWith(next);
                                        }));
    }

    /**
     * Reads a program file or payload; throws {@link dev.embargo.policy.io.InvalidProgramException}
     * naming every error.
     */
    public Program parse(String text, String source) {
        return files.read(text, source);
    }

    public Uni<List<ProgramRevision>> inForce() {
        return Transactions.inSession(revisions::allLatest);
    }

    public Uni<ProgramRevision> inForce(String slug) {
        return Transactions.inSession(() -> revisions.latest(slug));
    }

    /**
     * The program under a given revision, inside the caller's session; the latest when that
     * revision is unknown.
     */
    public Uni<Program> programAt(String slug, int revision) {
        Program parsed = parsedRevisions.get(revisionKey(slug, revision));
        if (parsed != null) {
            return Uni.createFrom().item(parsed);
        }
        return revisions
                .revision(slug, revision)
                .chain(
                        found ->
                                found != null
                                        ? Uni.createFrom().item(found)
                                        : revisions.latest(slug))
                .map(
                        found ->
                                found == null
                                        ? null
                                        : parsedRevisions.computeIfAbsent(
                                                revisionKey(found.slug, found.revision),
                                                key -> files.readPublished(found.document, key)));
    }

    /**
     * What the program in force says of CVE IDs and the EU market, inside the caller's session;
     * nothing stated for an unknown program.
     */
    public Uni<ProgramObligations> obligationsOf(String slug) {
        return revisions
                .latest(slug)
                .map(
                        found -> {
                            try {
                                return ProgramObligations.of(
                                        found == null
                                                ? json.missingNode()
                                                : json.readTree(found.document));
                            } catch (JsonProcessingException e) {
                                throw new IllegalStateException(
                                        "Program " + slug + " is stored unreadable", e);
                            }
                        });
    }

    private static String revisionKey(String slug, int revision) {
        return slug + " revision " + revision;
    }
}
