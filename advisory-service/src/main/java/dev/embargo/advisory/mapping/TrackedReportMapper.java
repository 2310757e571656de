package dev.embargo.advisory.mapping;

import dev.embargo.advisory.domain.TrackedReport;
import dev.embargo.advisory.rest.TrackedReportView;
import dev.embargo.kit.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Between the wire and the domain: entities never leave the service as they are. */
@ApplicationScoped
public class TrackedReportMapper {

    private final FieldCipher cipher;

    TrackedReportMapper(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Staff see the credit name before publication; reports tracked before it was sealed hold it
     * plain.
     */
    public TrackedReportView toView(TrackedReport report) {
        return new TrackedReportView(
                report.reportId.toString(),
                report.trackingId,
                report.programSlug,
                report.stage.wireName(),
                report.caseId == null ? null : report.caseId.toString(),
                cipher.openIfSealed(report.sealedCreditName),
                instant(report.submittedAt),
                instant(report.acknowledgedAt));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
