package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.AdvisoryContent.Credit;
import dev.embargo.advisory.domain.DocumentFormat;
import dev.embargo.advisory.domain.HallOfFameEntry;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.domain.PublishedDocument;
import dev.embargo.advisory.repository.AdvisoryRepository;
import dev.embargo.advisory.repository.PublishedDocumentRepository;
import dev.embargo.kit.work.Transactions;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything the public may read, and nothing else: every query goes to {@code published_document},
 * which holds only what publication wrote. An embargoed advisory has no row there, so no public
 * URL, feed, index or search can show it, whatever the path or query.
 */
@ApplicationScoped
public class PublicCatalog {

    private final PublishedDocumentRepository documents;
    private final AdvisoryRepository advisories;
    private final AdvisoryFormats formats;

    PublicCatalog(
            PublishedDocumentRepository documents,
            AdvisoryRepository advisories,
            AdvisoryFormats formats) {
        this.documents = documents;
        this.advisories = advisories;
        this.formats = formats;
    }

    /**
     * A published advisory's document in a format; empty when there is none (or it is not public).
     */
    public Uni<Optional<PublishedDocument>> document(String publicId, DocumentFormat format) {
        return Transactions.inSession(
                        () ->
                                advisories
                                        .find("publicId", publicId)
                                        .firstResult()
                                        .chain(
                                                advisory ->
                                                        advisory == null
                                                                        || advisory.publishedRevision
                                                                                == null
                                                                ? Uni.createFrom()
                                                                        .<PublishedDocument>
                                                                                nullItem()
                                                                : documents.document(
                                                                        advisory.id, format)))
                .map(Optional::ofNullable);
    }

    public Uni<Optional<PublishedAdvisory>> advisory(String publicId) {
        return document(publicId, DocumentFormat.SNAPSHOT)
                .map(found -> found.map(document -> formats.readSnapshot(document.content)));
    }

    /** Every published advisory, optionally of one program. */
    public Uni<List<PublishedAdvisory>> all(Optional<String> program) {
        return Transactions.inSession(() -> documents.all(DocumentFormat.SNAPSHOT, program))
                .map(
                        found ->
                                found.stream()
                                        .map(document -> formats.readSnapshot(document.content))
                                        .toList());
    }

    /**
     * One page of published advisories, newest first, optionally of one program and matching a
     * search (case-insensitive, in any published text).
     */
    public Uni<List<PublishedAdvisory>> search(
            Optional<String> program, Optional<String> query, int page, int size) {
        StringBuilder where = new StringBuilder("format = :format");
        io.quarkus.panache.common.Parameters parameters =
                io.quarkus.panache.common.Parameters.with("format", DocumentFormat.SNAPSHOT);
        program.ifPresent(
                slug -> {
                    where.append(" and programSlug = :program");
                    parameters.and("program", slug);
                });
        query.filter(text -> !text.isBlank())
                .ifPresent(
                        text -> {
                            where.append(" and lower(content) like :query escape '!'");
                            parameters.and(
                                    "query",
                                    "%"
                                            + text.toLowerCase(Locale.ROOT)
                                                    .replaceAll("([!%_])", "!$1")
                                            + "%");
                        });
        return Transactions.inSession(
                        () ->
                                documents
                                        .find(
                                                where.toString(),
                                                Sort.descending("publishedAt").and("advisoryId"),
                                                parameters)
                                        .page(Page.of(page, size))
                                        .list())
                .map(
                        found ->
                                found.stream()
                                        .map(document -> formats.readSnapshot(document.content))
                                        .toList());
    }

    /**
     * Who a program thanks for finding or reporting, by name, with their advisories, most
     * advisories first. Anonymous credits are left out: they name no one; so are coordinators,
     * analysts and remediation developers.
     */
    public Uni<List<HallOfFameEntry>> hallOfFame(String program) {
        return all(Optional.of(program))
                .map(
                        published -> {
                            java.util.Map<String, List<PublishedAdvisory>> byName =
                                    new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                            for (PublishedAdvisory advisory : published) {
                                advisory.content().credits().stream()
                                        .filter(Credit::foundOrReported)
                                        .map(Credit::name)
                                        .filter(name -> !name.equals(ReporterCredit.ANONYMOUS))
                                        .distinct()
                                        .forEach(
                                                name ->
                                                        byName.computeIfAbsent(
                                                                        name,
                                                                        ignored ->
                                                                                new java.util
                                                                                        .ArrayList<>())
                                                                .add(advisory));
                            }
                            return byName.entrySet().stream()
                                    .map(
                                            entry ->
                                                    new HallOfFameEntry(
                                                            entry.getKey(), entry.getValue()))
                                    .sorted(
                                            java.util.Comparator.comparingInt(
                                                            (HallOfFameEntry entry) ->
                                                                    -entry.advisories().size())
                                                    .thenComparing(
                                                            HallOfFameEntry::name,
                                                            String.CASE_INSENSITIVE_ORDER))
                                    .toList();
                        });
    }
}
