package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.report.ReportAcknowledged.PromisedDate;
import java.time.Instant;
import java.util.List;

/**
 * A case's promised dates changed without a change of severity: it was put on the expedited
 * track, or a deadline was extended with the reporter's agreement.
 *
 * @param cause {@code expedited} or {@code extension}
 */
public record CaseDeadlinesChanged(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String cause,
        String actor,
        List<PromisedDate> promisedDates,
        Instant changedAt) implements EventPayload {

    public CaseDeadlinesChanged {
        promisedDates = promisedDates == null ? List.of() : List.copyOf(promisedDates);
    }

    @Override
    public String subject() {
        return reportId;
    }
}
