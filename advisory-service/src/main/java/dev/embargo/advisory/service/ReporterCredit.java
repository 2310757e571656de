package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.AdvisoryContent.Credit;
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
     * What the reporter chose with the report, opened: only publication reads the name.
     *
     * @param preference {@code name}, {@code handle} or {@code anonymous}; null when not said
     * @param name the credit name; null for none
     */
    record Choice(String preference, String name) {}

    /**
     * The reporter's credit (if any) followed by the publisher's other credits, without duplicates.
     */
    static List<Credit> resolve(Choice choice, List<Credit> others) {
        List<Credit> credits = new ArrayList<>();
        if (choice != null) {
            if ("anonymous".equals(choice.preference())) {
                credits.add(new Credit(ANONYMOUS, "finder"));
            } else if (choice.name() != null && !choice.name().isBlank()) {
                credits.add(new Credit(choice.name().strip(), "finder"));
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
