package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.AdvisoryContent.Credit;
import dev.embargo.advisory.domain.TrackedReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The reporter's credit is theirs to choose: it follows the preference they gave with the report,
 * whatever the publisher typed. Anonymous reporters are thanked without a name.
 */
final class ReporterCredit {

    static final String ANONYMOUS = "An anonymous researcher";

    private ReporterCredit() {}

    /**
     * The reporter's credit (if any) followed by the publisher's other credits, without duplicates.
     */
    static List<Credit> resolve(TrackedReport report, List<Credit> others) {
        List<Credit> credits = new ArrayList<>();
        if (report != null) {
            if ("anonymous".equals(report.creditPreference)) {
                credits.add(new Credit(ANONYMOUS, "finder"));
            } else if (report.creditName != null && !report.creditName.isBlank()) {
                credits.add(new Credit(report.creditName.strip(), "finder"));
            }
        }
        others.stream()
                .filter(
                        credit ->
                                credits.stream()
                                        .noneMatch(
                                                kept ->
                                                        kept.name()
                                                                .equalsIgnoreCase(credit.name())))
                .forEach(credits::add);
        return credits;
    }
}
