package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.ProgramView;
import dev.embargo.advisory.repository.ProgramViewRepository;
import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.Program;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The programs as advisory needs them (name, partner groups and their maximum embargo, the
 * post-mortem rule), kept from {@code program.policy.published}. An older or repeated revision
 * changes nothing.
 */
@ApplicationScoped
public class ProgramViews {

    private final ProgramViewRepository views;
    private final ProgramFiles files = new ProgramFiles();

    ProgramViews(ProgramViewRepository views) {
        this.views = views;
    }

    /** Applies a published revision; called inside the consumer's transaction. */
    public Uni<Void> apply(ProgramPolicyPublished published) {
        return views.findById(published.slug())
                .chain(
                        current -> {
                            if (current != null && current.revision >= published.revision()) {
                                return Uni.createFrom().voidItem();
                            }
                            Program program =
                                    files.readPublished(
                                            published.document(),
                                            published.slug() + "@" + published.revision());
                            ProgramView view = current != null ? current : new ProgramView();
                            view.slug = published.slug();
                            view.revision = published.revision();
                            view.name = program.name();
                            view.document = published.document();
                            return current != null
                                    ? Uni.createFrom().voidItem()
                                    : views.persist(view).replaceWithVoid();
                        });
    }

    /** The program in force, or null when this service has not heard of it. */
    public Uni<Program> program(String slug) {
        return views.findById(slug)
                .map(
                        view ->
                                view == null
                                        ? null
                                        : files.readPublished(
                                                view.document, slug + "@" + view.revision));
    }
}
