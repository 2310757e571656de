package dev.embargo.notify.service;

import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.notify.config.PartnerLinkConfig;
import dev.embargo.notify.domain.AdvisoryLift;
import dev.embargo.notify.domain.LinkToken;
import dev.embargo.notify.domain.Partner;
import dev.embargo.notify.domain.PartnerLink;
import dev.embargo.notify.repository.AdvisoryLiftRepository;
import dev.embargo.notify.repository.PartnerLinkRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issues the capability links that go out in pre-advisory copies, in the fan-out's transaction. A
 * partner has one link per advisory: a later release to it issues a fresh token, and the earlier
 * one stops working, so only the copies of the latest release answer. The advisory's lift is kept
 * with it, for the readiness board and its warning.
 */
@ApplicationScoped
public class PartnerLinks {

    static final String PATH = "/partner/v1/preadvisories/";

    private final PartnerLinkRepository links;
    private final AdvisoryLiftRepository lifts;
    private final PartnerLinkConfig config;

    PartnerLinks(
            PartnerLinkRepository links, AdvisoryLiftRepository lifts, PartnerLinkConfig config) {
        this.links = links;
        this.lifts = lifts;
        this.config = config;
    }

    /** Each receiving partner's link URL, by partner id; the tokens are in these URLs only. */
    public Uni<Map<UUID, String>> issue(
            PreAdvisoryReleased released,
            String advisoryRef,
            Collection<Partner> receiving,
            OffsetDateTime now) {
        OffsetDateTime embargoUntil =
                released.embargoUntil().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        List<UUID> partnerIds = receiving.stream().map(partner -> partner.id).toList();
        return links.list("advisoryId = ?1 and partnerId in ?2", released.advisoryId(), partnerIds)
                .chain(
                        existing -> {
                            Map<UUID, PartnerLink> byPartner =
                                    existing.stream()
                                            .collect(
                                                    Collectors.toMap(
                                                            link -> link.partnerId,
                                                            Function.identity()));
                            Map<UUID, String> urls = new HashMap<>();
                            List<PartnerLink> fresh =
                                    partnerIds.stream()
                                            .filter(id -> !byPartner.containsKey(id))
                                            .map(id -> newLink(id, released, now))
                                            .toList();
                            fresh.forEach(link -> byPartner.put(link.partnerId, link));
                            for (PartnerLink link : byPartner.values()) {
                                String token = LinkToken.issue();
                                link.tokenHash = LinkToken.hash(token);
                                link.advisoryRef = advisoryRef;
                                link.embargoUntil = embargoUntil;
                                link.expiresAt = embargoUntil.plus(config.linkValidityAfterLift());
                                urls.put(link.partnerId, config.publicUrl() + PATH + token);
                            }
                            return links.persist(fresh)
                                    .chain(() -> recordLift(released, advisoryRef, embargoUntil))
                                    .replaceWith(urls);
                        });
    }

    private Uni<Void> recordLift(
            PreAdvisoryReleased released, String advisoryRef, OffsetDateTime embargoUntil) {
        return lifts.findById(released.advisoryId())
                .chain(
                        known -> {
                            AdvisoryLift lift = known != null ? known : new AdvisoryLift();
                            if (lift.embargoUntil == null
                                    || !lift.embargoUntil.isEqual(embargoUntil)) {
                                // A new lift time deserves its own warning.
                                lift.warnedAt = null;
                            }
                            lift.advisoryId = released.advisoryId();
                            lift.advisoryRef = advisoryRef;
                            lift.programSlug = released.programSlug();
                            lift.embargoUntil = embargoUntil;
                            return known != null
                                    ? Uni.createFrom().voidItem()
                                    : lifts.persist(lift).replaceWithVoid();
                        });
    }

    private static PartnerLink newLink(
            UUID partnerId, PreAdvisoryReleased released, OffsetDateTime now) {
        PartnerLink link = new PartnerLink();
        link.id = TimeOrderedIds.next();
        link.partnerId = partnerId;
        link.advisoryId = released.advisoryId();
        link.programSlug = released.programSlug();
        link.receivedAt = now;
        return link;
    }
}
