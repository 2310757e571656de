package dev.embargo.notify.service;

import dev.embargo.contracts.partner.PartnerAcknowledged;
import dev.embargo.contracts.partner.PartnerStatementMade;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import dev.embargo.notify.domain.AnswerLabel;
import dev.embargo.notify.domain.LinkToken;
import dev.embargo.notify.domain.Partner;
import dev.embargo.notify.domain.PartnerLink;
import dev.embargo.notify.domain.PartnerStatement;
import dev.embargo.notify.domain.ProductStatus;
import dev.embargo.notify.domain.Readiness;
import dev.embargo.notify.domain.VexJustification;
import dev.embargo.notify.repository.PartnerLinkRepository;
import dev.embargo.notify.repository.PartnerRepository;
import dev.embargo.notify.repository.PartnerStatementRepository;
import dev.embargo.notify.rest.PartnerLinkView;
import dev.embargo.notify.rest.ReadinessRequest;
import dev.embargo.notify.rest.StatementRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response.Status;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What a partner does through its capability link: acknowledge receipt, state per product whether
 * it is affected, and report readiness for the lift. Every answer is validated before anything is
 * stored, is announced on the outbox in the same transaction and counted. Answering anything also
 * acknowledges receipt. An unknown or expired token answers 404, whatever it looks like.
 */
@ApplicationScoped
public class PartnerAnswers {

    static final int MAX_PRODUCT = 200;
    static final int MAX_VERSION = 100;
    static final int MAX_REASON = 2000;

    private final PartnerLinkRepository links;
    private final PartnerRepository partners;
    private final PartnerStatementRepository statements;
    private final Outbox outbox;
    private final MeterRegistry registry;

    PartnerAnswers(
            PartnerLinkRepository links,
            PartnerRepository partners,
            PartnerStatementRepository statements,
            Outbox outbox,
            MeterRegistry registry) {
        this.links = links;
        this.partners = partners;
        this.statements = statements;
        this.outbox = outbox;
        this.registry = registry;
    }

    /** A link and the partner it answers for. */
    private record Answering(PartnerLink link, Partner partner) {}

    /** A statement that passed validation. */
    private record Statement(
            String product,
            ProductStatus status,
            VexJustification justification,
            String fixedVersion) {}

    public Uni<PartnerLinkView> view(String token) {
        return Transactions.inSession(
                () -> find(token, LockModeType.NONE, now()).chain(this::viewOf));
    }

    public Uni<PartnerLinkView> acknowledge(String token) {
        OffsetDateTime now = now();
        return Transactions.inTransaction(
                () ->
                        find(token, LockModeType.PESSIMISTIC_WRITE, now)
                                .call(answering -> acknowledged(answering, now))
                                .chain(this::viewOf));
    }

    public Uni<PartnerLinkView> state(String token, StatementRequest request) {
        Statement statement = validated(request);
        OffsetDateTime now = now();
        return Transactions.inTransaction(
                () ->
                        find(token, LockModeType.PESSIMISTIC_WRITE, now)
                                .call(answering -> acknowledged(answering, now))
                                .call(answering -> stored(answering, statement, now))
                                .chain(this::viewOf));
    }

    public Uni<PartnerLinkView> reportReadiness(String token, ReadinessRequest request) {
        Readiness readiness = readinessOf(request);
        String reason = reasonOf(request, readiness);
        OffsetDateTime now = now();
        return Transactions.inTransaction(
                () ->
                        find(token, LockModeType.PESSIMISTIC_WRITE, now)
                                .call(answering -> acknowledged(answering, now))
                                .call(
                                        answering -> {
                                            answering.link().readiness = readiness;
                                            answering.link().readinessReason = reason;
                                            answering.link().answeredAt = now;
                                            registry.counter(
                                                            "embargo.partner.readiness",
                                                            "readiness",
                                                            readiness.label())
                                                    .increment();
                                            return outbox.stage(
                                                    statementMade(answering, null, now));
                                        })
                                .chain(this::viewOf));
    }

    private Uni<Answering> find(String token, LockModeType lock, OffsetDateTime now) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().failure(unknownLink());
        }
        return links.find("tokenHash = ?1", (Object) LinkToken.hash(token))
                .withLock(lock)
                .firstResult()
                .chain(
                        link -> {
                            if (link == null || !link.expiresAt.isAfter(now)) {
                                throw unknownLink();
                            }
                            return partners.findById(link.partnerId)
                                    .map(partner -> new Answering(link, partner));
                        });
    }

    private Uni<Void> acknowledged(Answering answering, OffsetDateTime now) {
        PartnerLink link = answering.link();
        if (link.acknowledgedAt != null) {
            return Uni.createFrom().voidItem();
        }
        link.acknowledgedAt = now;
        registry.counter("embargo.partner.acknowledged").increment();
        return outbox.stage(
                        new PartnerAcknowledged(
                                link.advisoryId,
                                link.programSlug,
                                link.partnerId.toString(),
                                answering.partner().name,
                                now.toInstant()))
                .replaceWithVoid();
    }

    private Uni<Void> stored(Answering answering, Statement statement, OffsetDateTime now) {
        PartnerLink link = answering.link();
        return statements
                .find("linkId = ?1 and product = ?2", link.id, statement.product())
                .firstResult()
                .chain(
                        known -> {
                            PartnerStatement stored =
                                    known != null ? known : new PartnerStatement();
                            if (known == null) {
                                stored.id = TimeOrderedIds.next();
                                stored.linkId = link.id;
                                stored.product = statement.product();
                            }
                            stored.status = statement.status();
                            stored.justification = statement.justification();
                            stored.fixedVersion = statement.fixedVersion();
                            stored.statedAt = now;
                            link.answeredAt = now;
                            registry.counter(
                                            "embargo.partner.statements",
                                            "status",
                                            statement.status().label())
                                    .increment();
                            Uni<?> kept =
                                    known != null
                                            ? Uni.createFrom().voidItem()
                                            : statements.persist(stored);
                            return kept.chain(
                                            () ->
                                                    outbox.stage(
                                                            statementMade(
                                                                    answering, statement, now)))
                                    .replaceWithVoid();
                        });
    }

    private Uni<PartnerLinkView> viewOf(Answering answering) {
        return statements
                .list("linkId", Sort.ascending("product"), answering.link().id)
                .map(found -> PartnerLinkView.of(answering.link(), answering.partner(), found));
    }

    private static PartnerStatementMade statementMade(
            Answering answering, Statement statement, OffsetDateTime now) {
        PartnerLink link = answering.link();
        return new PartnerStatementMade(
                link.advisoryId,
                link.programSlug,
                link.partnerId.toString(),
                answering.partner().name,
                statement == null ? null : statement.product(),
                statement == null ? null : statement.status().label(),
                statement == null || statement.justification() == null
                        ? null
                        : statement.justification().label(),
                statement == null ? null : statement.fixedVersion(),
                link.readiness == null ? null : link.readiness.label(),
                now.toInstant());
    }

    /** The statement, or 400 naming what is wrong with it. */
    static Statement validated(StatementRequest request) {
        if (request == null) {
            throw badRequest(
                    "Send a statement: product, status, and justification or fixedVersion.");
        }
        String product = text(request.product(), "product", MAX_PRODUCT);
        if (product == null) {
            throw badRequest("Name the product the statement is about.");
        }
        ProductStatus status =
                AnswerLabel.parse(ProductStatus.class, request.status())
                        .orElseThrow(
                                () ->
                                        badRequest(
                                                "status must be one of "
                                                        + AnswerLabel.labels(ProductStatus.class)
                                                        + "."));
        VexJustification justification = null;
        if (status == ProductStatus.NOT_AFFECTED) {
            justification =
                    AnswerLabel.parse(VexJustification.class, request.justification())
                            .orElseThrow(
                                    () ->
                                            badRequest(
                                                    "A product that is not affected needs a"
                                                            + " justification, one of "
                                                            + AnswerLabel.labels(
                                                                    VexJustification.class)
                                                            + "."));
        } else if (request.justification() != null) {
            throw badRequest("Only a product that is not affected takes a justification.");
        }
        String fixedVersion = text(request.fixedVersion(), "fixedVersion", MAX_VERSION);
        if (status == ProductStatus.FIXED && fixedVersion == null) {
            throw badRequest("A fixed product needs the fixedVersion that fixes it.");
        }
        if (status != ProductStatus.FIXED && fixedVersion != null) {
            throw badRequest("Only a fixed product takes a fixedVersion.");
        }
        return new Statement(product, status, justification, fixedVersion);
    }

    private static Readiness readinessOf(ReadinessRequest request) {
        return AnswerLabel.parse(Readiness.class, request == null ? null : request.readiness())
                .orElseThrow(
                        () ->
                                badRequest(
                                        "readiness must be one of "
                                                + AnswerLabel.labels(Readiness.class)
                                                + "."));
    }

    private static String reasonOf(ReadinessRequest request, Readiness readiness) {
        String reason = text(request.reason(), "reason", MAX_REASON);
        if (readiness == Readiness.NEED_MORE_TIME && reason == null) {
            throw badRequest("Say why you need more time, and how much: give a reason.");
        }
        return readiness == Readiness.READY ? null : reason;
    }

    /** Trimmed text, null when absent or blank; 400 when too long or holding control characters. */
    private static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw badRequest(field + " may be at most " + maxLength + " characters long.");
        }
        boolean multiline = field.equals("reason");
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && !(multiline && c == '\n'))) {
            throw badRequest(field + " may not hold control characters.");
        }
        return trimmed;
    }

    private static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, detail));
    }

    private static ProblemException unknownLink() {
        return new ProblemException(
                Problem.of(
                        Status.NOT_FOUND,
                        "No pre-advisory answers to this link: it is unknown or has expired."));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
