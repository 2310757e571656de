package dev.embargo.triage.service;

import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.domain.ProgramObligations;
import dev.embargo.triage.domain.ProgramRevision;
import dev.embargo.triage.repository.ProgramRevisionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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

    /** The revision asked for if recorded, else the latest. */
    private static final String REVISION_OR_LATEST =
            """
            SELECT slug, revision, document FROM program_revision WHERE slug = $1
            ORDER BY revision = $2 DESC, revision DESC LIMIT 1\
            """;

    private final ProgramRevisionRepository revisions;
    private final Outbox outbox;
    private final ProgramFiles files = new ProgramFiles();

    /**
     * Parsed revisions by slug and number: a recorded revision never changes, so each is read and
     * checked once.
     */
    private final Map<String, Program> parsedRevisions = new ConcurrentHashMap<>();

    ProgramRegistry(ProgramRevisionRepository revisions, Outbox outbox) {
        this.revisions = revisions;
        this.outbox = outbox;
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
     * Replaces the release list of the program's revision in force, as a new revision: releases are
     * facts the program's supported-versions rules count with, kept up to date without editing the
     * whole file. The program with its new list passes every check a program file does ({@link
     * dev.embargo.policy.io.InvalidProgramException} otherwise).
     *
     * @return the revision in force afterwards; null when there is no such program
     */
    public Uni<ProgramRevision> recordReleases(
            String slug, List<Program.Release> releases, String changedBy) {
        return inForce(slug)
                .chain(
                        current -> {
                            if (current == null) {
                                return Uni.createFrom().nullItem();
                            }
                            Program program = programOf(current);
                            Program changed =
                                    new Program(
                                            program.apiVersion(),
                                            program.slug(),
                                            program.name(),
                                            program.description(),
                                            program.timeZone(),
                                            program.preferredLanguages(),
                                            program.contacts(),
                                            program.openPgp(),
                                            program.channels(),
                                            program.announcements(),
                                            program.bugBounty(),
                                            program.teams(),
                                            program.cve(),
                                            program.euMarket(),
                                            releases,
                                            program.policy());
                            return record(
                                    files.read(files.toJson(changed), "releases of " + slug),
                                    "api",
                                    changedBy);
                        });
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
                .map(found -> found == null ? null : programOf(found));
    }

    /**
     * The same, read on a SQL client transaction rather than in a Hibernate session; null for an
     * unknown program.
     */
    public Uni<Program> programAt(SqlConnection transaction, String slug, int revision) {
        Program parsed = parsedRevisions.get(revisionKey(slug, revision));
        if (parsed != null) {
            return Uni.createFrom().item(parsed);
        }
        return transaction
                .preparedQuery(REVISION_OR_LATEST)
                .execute(Tuple.of(slug, revision))
                .map(
                        rows -> {
                            if (rows.size() == 0) {
                                return null;
                            }
                            Row row = rows.iterator().next();
                            ProgramRevision found = new ProgramRevision();
                            found.slug = row.getString("slug");
                            found.revision = row.getInteger("revision");
                            found.document = row.getString("document");
                            return programOf(found);
                        });
    }

    /**
     * The release list of the program's revision in force, inside the caller's session: releases
     * are facts, not promises, so a case judges versions against the latest list under the rules of
     * its own revision.
     */
    public Uni<List<Program.Release>> releasesInForce(String slug) {
        return revisions
                .latest(slug)
                .map(
                        found ->
                                found == null
                                        ? List.<Program.Release>of()
                                        : programOf(found).releases());
    }

    /** The program of a recorded revision, parsed once. */
    public Program programOf(ProgramRevision revision) {
        return parsedRevisions.computeIfAbsent(
                revisionKey(revision.slug, revision.revision),
                key -> files.readPublished(revision.document, key));
    }

    /**
     * What the program in force says of CVE IDs and the EU market, inside the caller's session: the
     * revision in force, since a program may become a CNA or enter the EU market after a case
     * arrived. Nothing stated for an unknown program.
     */
    public Uni<ProgramObligations> obligationsOf(String slug) {
        return revisions
                .latest(slug)
                .chain(
                        found ->
                                found == null
                                        ? Uni.createFrom().item(ProgramObligations.NOT_STATED)
                                        : programAt(slug, found.revision)
                                                .map(ProgramObligations::of));
    }

    private static String revisionKey(String slug, int revision) {
        return slug + " revision " + revision;
    }
}
