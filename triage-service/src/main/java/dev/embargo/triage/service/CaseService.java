package dev.embargo.triage.service;

import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Opens cases from reports and answers staff questions about them. */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final Outbox outbox;
    private final FieldCipher cipher;

    CaseService(CaseRepository cases, Outbox outbox, FieldCipher cipher) {
        this.cases = cases;
        this.outbox = outbox;
        this.cipher = cipher;
    }

    /**
     * Opens the report's case and acknowledges it, staging {@code report.acknowledged} in the
     * caller's transaction. A report that already has a case (the same report announced twice)
     * changes nothing and is not acknowledged again.
     */
    public Uni<Void> openAndAcknowledge(ReportSubmitted report) {
        UUID reportId = UUID.fromString(report.reportId());
        return cases.findByReportId(reportId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            VulnerabilityCase opened = open(report, reportId);
            return cases.persist(opened)
                    .chain(() -> outbox.stage(new ReportAcknowledged(report.reportId(), opened.trackingId,
                            opened.programSlug, opened.id.toString(), opened.acknowledgedAt.toInstant())))
                    .replaceWithVoid();
        });
    }

    public Uni<List<VulnerabilityCase>> listCases(int page, int size) {
        return Panache.withSession(() -> cases.listPage(page, size));
    }

    /** Opens a sealed field for staff. */
    public String open(String sealed) {
        return sealed == null ? null : cipher.open(sealed);
    }

    private static VulnerabilityCase open(ReportSubmitted report, UUID reportId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        VulnerabilityCase opened = new VulnerabilityCase();
        opened.id = UUID.randomUUID();
        opened.reportId = reportId;
        opened.trackingId = report.trackingId();
        opened.programSlug = report.programSlug();
        opened.sealedTitle = report.sealedTitle();
        opened.sealedDescription = report.sealedDescription();
        opened.creditName = report.creditName();
        opened.submittedAt = report.submittedAt().atOffset(ZoneOffset.UTC);
        opened.openedAt = now.atOffset(ZoneOffset.UTC);
        // Acknowledgement is immediate for now; the program's policy sets the promised dates (programs issue).
        opened.state = CaseState.ACKNOWLEDGED;
        opened.acknowledgedAt = opened.openedAt;
        return opened;
    }
}
