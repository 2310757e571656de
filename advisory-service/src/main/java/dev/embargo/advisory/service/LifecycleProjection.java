package dev.embargo.advisory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.advisory.domain.LifecycleStage;
import dev.embargo.advisory.domain.SsvcAssessment;
import dev.embargo.advisory.domain.TrackedReport;
import dev.embargo.advisory.repository.TrackedReportRepository;
import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseCveRejected;
import dev.embargo.contracts.report.CaseSeverityChanged;
import dev.embargo.contracts.report.CaseSsvcDecided;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.ssvc.SsvcDecision;
import dev.embargo.policy.ssvc.SsvcOption;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Keeps advisory's view of the report lifecycle; the only writer of {@code tracked_report}. */
@ApplicationScoped
public class LifecycleProjection {

    private final TrackedReportRepository reports;
    private final FieldCipher cipher;
    private final ObjectMapper json;

    LifecycleProjection(TrackedReportRepository reports, FieldCipher cipher, ObjectMapper json) {
        this.reports = reports;
        this.cipher = cipher;
        this.json = json;
    }

    public Uni<Void> submitted(ReportSubmitted event) {
        return tracked(event.reportId(), event.trackingId(), event.programSlug())
                .invoke(
                        report -> {
                            // A v2 report (older intake) brings them plain: sealed here.
                            report.sealedCreditName = cipher.sealIfPlain(event.sealedCreditName());
                            report.creditPreference = event.creditPreference();
                            report.sealedTitle = event.sealedTitle();
                            report.sealedAffectedVersion =
                                    cipher.sealIfPlain(event.sealedAffectedVersion());
                            report.submittedAt = event.submittedAt().atOffset(ZoneOffset.UTC);
                        })
                .replaceWithVoid();
    }

    public Uni<Void> acknowledged(ReportAcknowledged event) {
        return tracked(event.reportId(), event.trackingId(), event.programSlug())
                .invoke(
                        report -> {
                            report.stage = LifecycleStage.ACKNOWLEDGED;
                            report.caseId = UUID.fromString(event.caseId());
                            report.acknowledgedAt = event.acknowledgedAt().atOffset(ZoneOffset.UTC);
                        })
                .replaceWithVoid();
    }

    public Uni<Void> stateChanged(CaseStateChanged event) {
        return tracked(event.reportId(), event.trackingId(), event.programSlug())
                .invoke(
                        report -> {
                            report.caseId = UUID.fromString(event.caseId());
                            report.caseState = event.to();
                        })
                .replaceWithVoid();
    }

    public Uni<Void> severityChanged(CaseSeverityChanged event) {
        return tracked(event.reportId(), event.trackingId(), event.programSlug())
                .invoke(
                        report -> {
                            report.caseId = UUID.fromString(event.caseId());
                            report.severity = event.severity();
                            report.cvssVector = event.cvssVector();
                            report.cvssScore = event.cvssScore();
                        })
                .replaceWithVoid();
    }

    /** Keeps the case's latest SSVC decision for the published documents. */
    public Uni<Void> ssvcDecided(CaseSsvcDecided event) {
        SsvcAssessment assessment =
                new SsvcAssessment(
                        decision(event.decision()),
                        event.coordinatorTriage() == null
                                ? null
                                : decision(event.coordinatorTriage()),
                        event.decidedAt());
        return tracked(event.reportId(), event.trackingId(), event.programSlug())
                .invoke(
                        report -> {
                            report.caseId = UUID.fromString(event.caseId());
                            report.ssvc = write(assessment);
                        })
                .replaceWithVoid();
    }

    /**
     * Keeps the case's CVE ID, which the advisory drafted from the case starts with, and when the
     * program reserved it.
     */
    public Uni<Void> cveAssigned(CaseCveAssigned event) {
        return tracked(event.reportId(), event.trackingId(), event.programSlug())
                .invoke(
                        report -> {
                            report.cveId = event.cveId();
                            report.cveReservedAt =
                                    event.reservedAt() == null
                                            ? null
                                            : event.reservedAt().atOffset(ZoneOffset.UTC);
                        })
                .replaceWithVoid();
    }

    /** Forgets a rejected CVE ID (unless another has replaced it already). */
    public Uni<Void> cveRejected(CaseCveRejected event) {
        return tracked(event.reportId(), event.trackingId(), event.programSlug())
                .invoke(
                        report -> {
                            if (event.cveId().equals(report.cveId)) {
                                report.cveId = null;
                                report.cveReservedAt = null;
                            }
                        })
                .replaceWithVoid();
    }

    /** The tracked report of a tracking id, or null. */
    public Uni<TrackedReport> byTrackingId(String trackingId) {
        return reports.find("trackingId", trackingId).firstResult();
    }

    public Uni<TrackedReport> byReportId(UUID reportId) {
        return reports.findById(reportId);
    }

    /**
     * The credit the report's reporter chose, opened for publication; null for an untracked one.
     */
    ReporterCredit.Choice creditChoice(TrackedReport report) {
        return report == null
                ? null
                : new ReporterCredit.Choice(
                        report.creditPreference, cipher.openIfSealed(report.sealedCreditName));
    }

    /**
     * When the case's CVE ID was reserved, if the advisory still names that ID (staff may have
     * edited it); null otherwise, or when the program does not know.
     */
    Instant cveReservedAt(TrackedReport report, String cveId) {
        return report == null || report.cveReservedAt == null || !report.cveId.equals(cveId)
                ? null
                : report.cveReservedAt.toInstant();
    }

    /** The case's latest SSVC decision; null for an untracked report or before one is made. */
    SsvcAssessment ssvc(TrackedReport report) {
        if (report == null || report.ssvc == null) {
            return null;
        }
        try {
            return json.readValue(report.ssvc, SsvcAssessment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Report " + report.reportId + " holds an unreadable SSVC decision", e);
        }
    }

    private static SsvcDecision decision(CaseSsvcDecided.Decision decided) {
        return new SsvcDecision(
                decided.table(),
                decided.version(),
                decided.options().stream()
                        .map(option -> new SsvcOption(option.decisionPoint(), option.value()))
                        .toList(),
                decided.outcome());
    }

    private String write(SsvcAssessment assessment) {
        try {
            return json.writeValueAsString(assessment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An SSVC decision that cannot be written", e);
        }
    }

    public Uni<List<TrackedReport>> list(
            java.util.Optional<java.util.Set<String>> programs, int page, int size) {
        return Transactions.inSession(() -> reports.listPage(programs, page, size));
    }

    /** The report's row, created at the first event that mentions it. */
    private Uni<TrackedReport> tracked(String reportId, String trackingId, String programSlug) {
        UUID id = UUID.fromString(reportId);
        return reports.findById(id)
                .chain(
                        existing -> {
                            if (existing != null) {
                                existing.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                                return Uni.createFrom().item(existing);
                            }
                            TrackedReport report = new TrackedReport();
                            report.reportId = id;
                            report.trackingId = trackingId;
                            report.programSlug = programSlug;
                            report.stage = LifecycleStage.SUBMITTED;
                            report.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                            return reports.persist(report);
                        });
    }
}
