package dev.embargo.notify.support;

import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.CaseStatusUpdate;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.crypto.FieldCipher;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** One report's lifecycle events as intake and triage publish them, for notify to act on. */
public final class ReportEvents {

    private final String reportId = UUID.randomUUID().toString();
    private final String caseId = UUID.randomUUID().toString();
    private final String trackingId =
            "EMB-2026-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    private final String programSlug;

    public ReportEvents(String programSlug) {
        this.programSlug = programSlug;
    }

    public String trackingId() {
        return trackingId;
    }

    /** {@code report.submitted}, with the reporter's address sealed as intake seals it. */
    public ReportSubmitted submitted(FieldCipher cipher, String reporterEmail) {
        return new ReportSubmitted(
                reportId,
                trackingId,
                programSlug,
                1,
                cipher.seal("A title"),
                cipher.seal("Details"),
                cipher.seal(reporterEmail),
                null,
                null,
                Instant.now(),
                null,
                null,
                null);
    }

    /** {@code report.escalated} of {@code step}, with the message sealed as intake seals it. */
    public ReportEscalated escalated(FieldCipher cipher, String step, String message) {
        Instant now = Instant.now();
        return new ReportEscalated(
                reportId,
                trackingId,
                programSlug,
                UUID.randomUUID().toString(),
                step,
                now.minus(Duration.ofDays(2)),
                cipher.seal(message),
                now);
    }

    public ReportAcknowledged acknowledged() {
        return new ReportAcknowledged(
                reportId, trackingId, programSlug, caseId, Instant.now(), List.of());
    }

    public CaseStatusUpdate statusUpdate(int sequence) {
        return new CaseStatusUpdate(
                reportId,
                caseId,
                trackingId,
                programSlug,
                sequence,
                "triaging",
                List.of(),
                Instant.now().plus(7, ChronoUnit.DAYS));
    }

    /** {@code case.state.changed}: staff moved the case, saying why (sealed). */
    public CaseStateChanged stateChanged(String from, String to, String sealedReason) {
        return new CaseStateChanged(
                reportId,
                caseId,
                trackingId,
                programSlug,
                from,
                to,
                "tess",
                sealedReason,
                Instant.now());
    }

    /** {@code case.cve.assigned}: triage gave the case an ID from the program's pool. */
    public CaseCveAssigned cveAssigned(String cveId) {
        return new CaseCveAssigned(
                reportId,
                caseId,
                trackingId,
                programSlug,
                cveId,
                "own-cna",
                "moqtail",
                Instant.parse("2026-01-05T09:00:00Z"),
                "tess",
                Instant.now());
    }
}
