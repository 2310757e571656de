package dev.embargo.notify.service;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.work.Transactions;
import dev.embargo.notify.config.PartnerLinkConfig;
import dev.embargo.notify.domain.AdvisoryLift;
import dev.embargo.notify.domain.Partner;
import dev.embargo.notify.domain.PartnerLink;
import dev.embargo.notify.domain.PartnerStatement;
import dev.embargo.notify.domain.Readiness;
import dev.embargo.notify.repository.AdvisoryLiftRepository;
import dev.embargo.notify.repository.PartnerLinkRepository;
import dev.embargo.notify.repository.PartnerRepository;
import dev.embargo.notify.repository.PartnerStatementRepository;
import dev.embargo.notify.rest.ReadinessBoardView;
import dev.embargo.notify.rest.ReadinessBoardView.Counts;
import dev.embargo.notify.rest.ReadinessBoardView.LiftMove;
import dev.embargo.notify.rest.ReadinessBoardView.PartnerReadiness;
import dev.embargo.notify.rest.StatementView;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The readiness board of an advisory partners were told of, for its program's coordinators. */
@ApplicationScoped
public class ReadinessBoard {

    /**
     * The lift is the advisory service's: moving it there is audited and bounded by the policy (the
     * program's disclosure deadline, each told group's maximum embargo), and partners holding the
     * pre-advisory are told (see {@link LiftMoves}).
     */
    static final LiftMove MOVE_LIFT =
            new LiftMove(
                    "advisory",
                    "PUT",
                    "/api/v1/advisories/{id}/embargo",
                    "{id}: the advisory's id at advisory (the board's advisory is its public id)."
                            + " Body {\"liftAt\": \"<instant>\"}; coordinators and admins."
                            + " Refused (422) beyond the program's disclosure deadline or a told"
                            + " group's maximum embargo; audited as lift-scheduled. Partners"
                            + " holding the pre-advisory are told the new time"
                            + " (preadvisory.lift.moved).");

    private final AdvisoryLiftRepository lifts;
    private final PartnerLinkRepository links;
    private final PartnerRepository partners;
    private final PartnerStatementRepository statements;
    private final PartnerLinkConfig config;

    ReadinessBoard(
            AdvisoryLiftRepository lifts,
            PartnerLinkRepository links,
            PartnerRepository partners,
            PartnerStatementRepository statements,
            PartnerLinkConfig config) {
        this.lifts = lifts;
        this.links = links;
        this.partners = partners;
        this.statements = statements;
        this.config = config;
    }

    /** The board; 404 for an advisory no partner was told of, or outside the caller's programs. */
    public Uni<ReadinessBoardView> of(String advisoryId, Predicate<String> visible) {
        return Transactions.inSession(
                () ->
                        lifts.findById(advisoryId)
                                .chain(
                                        lift -> {
                                            if (lift == null || !visible.test(lift.programSlug)) {
                                                throw new ProblemException(
                                                        Problem.of(
                                                                Status.NOT_FOUND,
                                                                "No partner was told of advisory "
                                                                        + advisoryId
                                                                        + "."));
                                            }
                                            return links.list(
                                                            "advisoryId",
                                                            Sort.ascending("receivedAt"),
                                                            advisoryId)
                                                    .chain(found -> rows(lift, found));
                                        }));
    }

    private Uni<ReadinessBoardView> rows(AdvisoryLift lift, List<PartnerLink> told) {
        List<UUID> partnerIds = told.stream().map(link -> link.partnerId).toList();
        List<UUID> linkIds = told.stream().map(link -> link.id).toList();
        return partners.list("id in ?1", partnerIds)
                .chain(
                        named ->
                                statements
                                        .list("linkId in ?1", Sort.ascending("product"), linkIds)
                                        .map(stated -> view(lift, told, named, stated)));
    }

    private ReadinessBoardView view(
            AdvisoryLift lift,
            List<PartnerLink> told,
            List<Partner> named,
            List<PartnerStatement> stated) {
        Map<UUID, String> names =
                named.stream().collect(Collectors.toMap(partner -> partner.id, p -> p.name));
        Map<UUID, List<StatementView>> statementsByLink =
                stated.stream()
                        .collect(
                                Collectors.groupingBy(
                                        statement -> statement.linkId,
                                        Collectors.mapping(
                                                StatementView::of, Collectors.toList())));
        List<PartnerReadiness> rows =
                told.stream()
                        .map(
                                link ->
                                        new PartnerReadiness(
                                                link.partnerId.toString(),
                                                names.get(link.partnerId),
                                                instant(link.receivedAt),
                                                instant(link.acknowledgedAt),
                                                instant(link.answeredAt),
                                                link.readiness == null
                                                        ? null
                                                        : link.readiness.label(),
                                                link.readinessReason,
                                                statementsByLink.getOrDefault(link.id, List.of())))
                        .toList();
        Counts counts =
                new Counts(
                        told.size(),
                        count(told, link -> link.acknowledgedAt != null),
                        count(told, link -> link.answeredAt != null),
                        count(told, link -> link.readiness == Readiness.READY));
        return new ReadinessBoardView(
                lift.advisoryId,
                lift.advisoryRef,
                lift.programSlug,
                lift.embargoUntil.toInstant(),
                lift.embargoUntil.minus(config.warnBeforeLift()).toInstant(),
                instant(lift.warnedAt),
                counts,
                rows,
                MOVE_LIFT);
    }

    private static int count(List<PartnerLink> told, Predicate<PartnerLink> reached) {
        return (int) told.stream().filter(reached).count();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
