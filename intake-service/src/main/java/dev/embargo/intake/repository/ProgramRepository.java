package dev.embargo.intake.repository;

import dev.embargo.intake.domain.PublishedProgram;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ProgramRepository implements PanacheRepositoryBase<PublishedProgram, String> {

    public Uni<List<PublishedProgram>> listBySlug() {
        return listAll(Sort.by("slug"));
    }

    /**
     * The programs with these slugs, by slug, read on the caller's transaction (for batches: no
     * Hibernate session there).
     */
    public Uni<Map<String, PublishedProgram>> findBySlugs(
            SqlConnection transaction, Collection<String> slugs) {
        return transaction
                .preparedQuery(
                        "SELECT slug, revision, document, published_at FROM program WHERE slug ="
                                + " ANY($1)")
                .execute(Tuple.of(slugs.toArray(String[]::new)))
                .map(
                        rows -> {
                            Map<String, PublishedProgram> found = new HashMap<>();
                            rows.forEach(
                                    row -> {
                                        PublishedProgram program = new PublishedProgram();
                                        program.slug = row.getString("slug");
                                        program.revision = row.getInteger("revision");
                                        program.document = row.getString("document");
                                        program.publishedAt = row.getOffsetDateTime("published_at");
                                        found.put(program.slug, program);
                                    });
                            return found;
                        });
    }
}
