package dev.embargo.advisory.repository;

import dev.embargo.advisory.domain.DocumentFormat;
import dev.embargo.advisory.domain.PublishedDocument;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The only door to what is public: every public read goes through here. */
@ApplicationScoped
public class PublishedDocumentRepository implements PanacheRepositoryBase<PublishedDocument, UUID> {

    public Uni<PublishedDocument> document(UUID advisoryId, DocumentFormat format) {
        return find("advisoryId = ?1 and format = ?2", advisoryId, format).firstResult();
    }

    /** Every published document of a format, newest first, optionally of one program. */
    public Uni<List<PublishedDocument>> all(DocumentFormat format, Optional<String> program) {
        Sort order = Sort.descending("publishedAt");
        return program.map(slug -> list("format = ?1 and programSlug = ?2", order, format, slug))
                .orElseGet(() -> list("format", order, format));
    }

    /** One page of a format's documents, newest first. */
    public Uni<List<PublishedDocument>> page(
            DocumentFormat format, Optional<String> program, int page, int size) {
        Sort order = Sort.descending("publishedAt").and("advisoryId");
        return program.map(slug -> find("format = ?1 and programSlug = ?2", order, format, slug))
                .orElseGet(() -> find("format", order, format))
                .page(Page.of(page, size))
                .list();
    }
}
