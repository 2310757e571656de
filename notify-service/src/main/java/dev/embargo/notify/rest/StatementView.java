package dev.embargo.notify.rest;

import dev.embargo.notify.domain.PartnerStatement;
import java.time.Instant;

/** What a partner stated about one of its products. */
public record StatementView(
        String product,
        String status,
        String justification,
        String fixedVersion,
        Instant statedAt) {

    public static StatementView of(PartnerStatement statement) {
        return new StatementView(
                statement.product,
                statement.status.label(),
                statement.justification == null ? null : statement.justification.label(),
                statement.fixedVersion,
                statement.statedAt.toInstant());
    }
}
