package dev.embargo.notify.rest;

import java.time.Instant;
import java.util.List;

/**
 * Who of the partners told of an advisory received, acknowledged, answered and is ready for its
 * lift; when coordinators are (or were) warned; and where the lift is moved.
 */
public record ReadinessBoardView(
        String advisoryId,
        String advisory,
        String program,
        Instant embargoUntil,
        Instant warningAt,
        Instant warnedAt,
        Counts counts,
        List<PartnerReadiness> partners,
        LiftMove moveLift) {

    /** How many partners got to each stage. */
    public record Counts(int received, int acknowledged, int answered, int ready) {}

    /** One partner's row. */
    public record PartnerReadiness(
            String partnerId,
            String name,
            Instant receivedAt,
            Instant acknowledgedAt,
            Instant answeredAt,
            String readiness,
            String readinessReason,
            List<StatementView> statements) {}

    /** The advisory service's call that moves the lift within the program's bounds. */
    public record LiftMove(String service, String method, String path, String note) {}
}
