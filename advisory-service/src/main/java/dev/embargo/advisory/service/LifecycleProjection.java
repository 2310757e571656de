package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.LifecycleStage;
import dev.embargo.advisory.domain.TrackedReport;
import dev.embargo.advisory.repository.TrackedReportRepository;
import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseCveRejected;
import dev.embargo.contracts.report.CaseSeverityChanged;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Keeps advisory's view of the report lifecycle; the only writer of {@code tracked_report}. */
@ApplicationScoped
public class LifecycleProjection {

    private final TrackedReportRepository reports;
    private final FieldCipher cipher;

    LifecycleProjection(TrackedReportRepository reports, FieldCipher cipher) {
        this.reports = reports;
        this.cipher = cipher;
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

    /** Keeps the case's CVE ID, which the advisory drafted from the case starts with. */
    public Uni<Void> cveAssigned(CaseCveAssigned event) {
        return tracked(event.reportId(), event.trackingId(), event.programSlug())
                .invoke(report -> report.cveId = event.cveId())
                .replaceWithVoid();
    }

    /** Forgets a rejected CVE ID (unless another has replaced it already). */
    public Uni<Void> cveRejected(CaseCveRejected event) {
        return tracked(event.reportId(), event.trackingId(), event.programSlug())
                .invoke(
                        report -> {
                            if (event.cveId().equals(report.cveId)) {
                                report.cveId = null;
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
    Uni<ReporterCredit.Choice> creditChoice(UUID reportId) {
        return byReportId(reportId)
                .map(
                        report ->
                                report == null
                                        ? null
                                        : new ReporterCredit.Choice(
                                                report.creditPreference,
                                                cipher.openIfSealed(report.sealedCreditName)));
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
