package dev.embargo.notify.rest;

import dev.embargo.notify.domain.Partner;
import dev.embargo.notify.domain.PartnerLink;
import dev.embargo.notify.domain.PartnerStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A partner's answers to one pre-advisory, as the partner sees them through its link. */
public record PartnerLinkView(
        String advisoryId,
        String advisory,
        String program,
        String partner,
        Instant embargoUntil,
        Instant acknowledgedAt,
        String readiness,
        String readinessReason,
        List<StatementView> statements) {

    public static PartnerLinkView of(
            PartnerLink link, Partner partner, List<PartnerStatement> statements) {
        return new PartnerLinkView(
                link.advisoryId,
                link.advisoryRef,
                link.programSlug,
                partner.name,
                link.embargoUntil.toInstant(),
                instant(link.acknowledgedAt),
                link.readiness == null ? null : link.readiness.label(),
                link.readinessReason,
                statements.stream().map(StatementView::of).toList());
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
