package dev.embargo.notify.service;

import dev.embargo.kit.work.RepeatingPass;
import dev.embargo.kit.work.Transactions;
import dev.embargo.notify.config.PartnerLinkConfig;
import dev.embargo.notify.domain.AdvisoryLift;
import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.domain.EmailKind;
import dev.embargo.notify.domain.Partner;
import dev.embargo.notify.domain.PartnerLink;
import dev.embargo.notify.domain.Readiness;
import dev.embargo.notify.repository.AdvisoryLiftRepository;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import dev.embargo.notify.repository.PartnerLinkRepository;
import dev.embargo.notify.repository.PartnerRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Warns a program's team when an advisory's lift is near (the configured time before it, 24 hours
 * by default) and a partner told of it has not said it is ready. Once per lift time: the lift's row
 * is locked while warned and marked, so replicas and later passes skip it; a moved lift is warned
 * about again (see {@link PartnerLinks}). While every partner is ready nothing is sent, and a
 * partner who changes its mind before the lift still sets the warning off.
 */
@ApplicationScoped
public class LiftReadinessWarnings {

    private static final Logger LOG = Logger.getLogger(LiftReadinessWarnings.class);
    private static final String CLAIM_DUE =
            """
            SELECT * FROM advisory_lift
            WHERE warned_at IS NULL AND embargo_until > :now AND embargo_until <= :horizon
            ORDER BY embargo_until LIMIT 100 FOR UPDATE SKIP LOCKED\
            """;

    private final AdvisoryLiftRepository lifts;
    private final PartnerLinkRepository links;
    private final PartnerRepository partners;
    private final ProgramContacts teams;
    private final EmailDeliveryRepository emails;
    private final EmailDetails details;
    private final PartnerLinkConfig config;
    private final MeterRegistry registry;
    private final RepeatingPass pass = new RepeatingPass("Lift readiness warnings", this::warnDue);

    LiftReadinessWarnings(
            AdvisoryLiftRepository lifts,
            PartnerLinkRepository links,
            PartnerRepository partners,
            ProgramContacts teams,
            EmailDeliveryRepository emails,
            EmailDetails details,
            PartnerLinkConfig config,
            MeterRegistry registry) {
        this.lifts = lifts;
        this.links = links;
        this.partners = partners;
        this.teams = teams;
        this.emails = emails;
        this.details = details;
        this.config = config;
        this.registry = registry;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        pass.start(vertx, config.warningPollInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        pass.stop();
    }

    /** One pass: every lift within the warning time not yet warned about. */
    Uni<Void> warnDue() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return Transactions.inTransaction(
                () ->
                        lifts.getSession()
                                .chain(
                                        session ->
                                                session.createNativeQuery(
                                                                CLAIM_DUE, AdvisoryLift.class)
                                                        .setParameter("now", now)
                                                        .setParameter(
                                                                "horizon",
                                                                now.plus(config.warnBeforeLift()))
                                                        .getResultList())
                                .chain(
                                        due -> {
                                            Uni<Void> warned = Uni.createFrom().voidItem();
                                            for (AdvisoryLift lift : due) {
                                                warned =
                                                        warned.chain(
                                                                () -> warnIfNotReady(lift, now));
                                            }
                                            return warned;
                                        }));
    }

    private Uni<Void> warnIfNotReady(AdvisoryLift lift, OffsetDateTime now) {
        return links.list("advisoryId", lift.advisoryId)
                .chain(
                        told -> {
                            List<PartnerLink> notReady =
                                    told.stream()
                                            .filter(link -> link.readiness != Readiness.READY)
                                            .toList();
                            if (notReady.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            return partners.list(
                                            "id in ?1",
                                            notReady.stream().map(link -> link.partnerId).toList())
                                    .chain(named -> queueWarning(lift, notReady, named, now));
                        });
    }

    private Uni<Void> queueWarning(
            AdvisoryLift lift,
            List<PartnerLink> notReady,
            List<Partner> named,
            OffsetDateTime now) {
        lift.warnedAt = now;
        registry.counter("embargo.partner.lift.warnings").increment();
        Map<UUID, String> names =
                named.stream().collect(Collectors.toMap(partner -> partner.id, p -> p.name));
        String lines =
                notReady.stream()
                        .map(link -> "- " + names.get(link.partnerId) + ": " + stateOf(link))
                        .collect(Collectors.joining("\n"));
        return teams.find(lift.programSlug)
                .chain(
                        team -> {
                            if (team != null && team.addresses().isEmpty()) {
                                LOG.warnf(
                                        "Program %s lists no contact address: nobody to warn that"
                                                + " partners are not ready for the lift of %s",
                                        lift.programSlug, lift.advisoryId);
                                return Uni.createFrom().voidItem();
                            }
                            EmailDelivery warning =
                                    EmailDelivery.pending(
                                            null,
                                            EmailKind.PARTNERS_NOT_READY,
                                            lift.advisoryId + "@" + lift.embargoUntil.toInstant(),
                                            null,
                                            lift.programSlug,
                                            null, // the team's, when sent (see EmailDispatcher)
                                            now);
                            warning.details =
                                    details.write(
                                            Map.of(
                                                    "step",
                                                    lift.advisoryRef == null
                                                            ? lift.advisoryId
                                                            : lift.advisoryRef,
                                                    "advisoryId",
                                                    lift.advisoryId,
                                                    "embargoUntil",
                                                    lift.embargoUntil.toInstant().toString(),
                                                    "notReady",
                                                    lines));
                            return emails.persist(warning).replaceWithVoid();
                        });
    }

    /** A partner's readiness in words, with its reason when it gave one. */
    private static String stateOf(PartnerLink link) {
        if (link.readiness == null) {
            return link.acknowledgedAt == null
                    ? "has not acknowledged receipt"
                    : "has not reported its readiness";
        }
        String said = link.readiness.label().replace('_', ' ');
        return link.readinessReason == null ? said : said + " (" + link.readinessReason + ")";
    }
}
