package dev.embargo.intake.messaging;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.messaging.IntakeMailbox.Fetched;
import dev.embargo.intake.service.EmailChannel;
import dev.embargo.intake.service.ProgramCatalog;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.RepeatingPass;
import dev.embargo.kit.work.SessionContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Reads every program's intake mailbox at the configured interval and hands each email to the
 * {@link EmailChannel}. An email leaves the mailbox only after its transaction committed; one that
 * can never be taken in (a machine's auto-reply, encryption to a key the program does not hold) is
 * moved to {@value IntakeMailbox#REFUSED_FOLDER} for a human; anything else stays and is tried
 * again on the next pass.
 */
@ApplicationScoped
public class MailIntakePoller {

    private static final Logger LOG = Logger.getLogger(MailIntakePoller.class);

    private final IntakeConfig.Mail config;
    private final IntakeMailbox mailbox;
    private final EmailChannel channel;
    private final ProgramCatalog catalog;
    private final MeterRegistry registry;
    private final RepeatingPass pass = new RepeatingPass("Mail intake", this::readMailboxes);

    MailIntakePoller(
            IntakeConfig config,
            IntakeMailbox mailbox,
            EmailChannel channel,
            ProgramCatalog catalog,
            MeterRegistry registry) {
        this.config = config.mail();
        this.mailbox = mailbox;
        this.channel = channel;
        this.catalog = catalog;
        this.registry = registry;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        if (config.enabled()) {
            pass.start(vertx, config.pollInterval());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        pass.stop();
    }

    private Uni<Void> readMailboxes() {
        return catalog.all()
                .chain(
                        programs ->
                                Multi.createFrom()
                                        .iterable(programs)
                                        .onItem()
                                        .transformToUniAndConcatenate(
                                                program ->
                                                        readMailbox(program.published().slug)
                                                                // One unreachable mailbox must not
                                                                // keep the others from being read.
                                                                .onFailure()
                                                                .recoverWithItem(
                                                                        failure -> {
                                                                            LOG.warnf(
                                                                                    "Mailbox of %s"
                                                                                        + " will be"
                                                                                        + " read"
                                                                                        + " again"
                                                                                        + " on the"
                                                                                        + " next"
                                                                                        + " pass:"
                                                                                        + " %s",
                                                                                    program
                                                                                            .published()
                                                                                            .slug,
                                                                                    failure
                                                                                            .getMessage());
                                                                            return null;
                                                                        }))
                                        .collect()
                                        .last()
                                        .replaceWithVoid());
    }

    private Uni<Void> readMailbox(String slug) {
        String address = mailbox.addressOf(slug);
        Executor back = SessionContexts.current();
        return blocking(() -> mailbox.fetch(address), back)
                .chain(
                        fetched -> {
                            List<Long> taken = new ArrayList<>();
                            List<Long> refused = new ArrayList<>();
                            return Multi.createFrom()
                                    .iterable(fetched)
                                    .onItem()
                                    .transformToUniAndConcatenate(
                                            one -> take(slug, one, taken, refused))
                                    .collect()
                                    .last()
                                    .chain(
                                            () ->
                                                    blocking(
                                                            () -> {
                                                                mailbox.settle(
                                                                        address, taken, refused);
                                                                return null;
                                                            },
                                                            back));
                        })
                .replaceWithVoid();
    }

    private Uni<Void> take(String slug, Fetched fetched, List<Long> taken, List<Long> refused) {
        if (fetched.mail().autoSubmitted()) {
            LOG.infof(
                    "Mail %s to %s is an automatic reply; set aside",
                    fetched.mail().messageId(), slug);
            refused.add(fetched.uid());
            registry.counter("embargo.intake.mail", "outcome", "refused").increment();
            return Uni.createFrom().voidItem();
        }
        return channel.take(slug, fetched.mail())
                .invoke(
                        outcome -> {
                            taken.add(fetched.uid());
                            registry.counter(
                                            "embargo.intake.mail",
                                            "outcome",
                                            outcome.name().toLowerCase())
                                    .increment();
                        })
                .onFailure(ProblemException.class)
                .recoverWithItem(
                        problem -> {
                            LOG.warnf(
                                    "Mail %s to %s cannot be taken in (%s); set aside in %s",
                                    fetched.mail().messageId(),
                                    slug,
                                    ((ProblemException) problem).problem().title(),
                                    IntakeMailbox.REFUSED_FOLDER);
                            refused.add(fetched.uid());
                            registry.counter("embargo.intake.mail", "outcome", "refused")
                                    .increment();
                            return null;
                        })
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            LOG.warnf(
                                    "Mail %s to %s stays in the mailbox for the next pass: %s",
                                    fetched.mail().messageId(), slug, failure.getMessage());
                            return null;
                        })
                .replaceWithVoid();
    }

    /**
     * Jakarta Mail blocks: run it on a worker, then come back to the pass's context for Hibernate
     * Reactive.
     */
    private static <T> Uni<T> blocking(Callable<T> work, Executor back) {
        return Uni.createFrom()
                .item(
                        () -> {
                            try {
                                return work.call();
                            } catch (Exception e) {
                                throw new IllegalStateException(e.getMessage(), e);
                            }
                        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(back);
    }
}
