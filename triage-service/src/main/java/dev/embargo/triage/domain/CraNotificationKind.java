package dev.embargo.triage.domain;

import dev.embargo.policy.deadline.Step;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three notifications EU CRA Article 14 asks for, each with the step it keeps. */
public enum CraNotificationKind {
    EARLY_WARNING(Step.CRA_EARLY_WARNING, "Early warning"),
    NOTIFICATION(Step.CRA_NOTIFICATION, "Notification"),
    FINAL_REPORT(Step.CRA_FINAL_REPORT, "Final report");

    private final Step step;
    private final String title;

    CraNotificationKind(Step step, String title) {
        this.step = step;
        this.title = title;
    }

    public Step step() {
        return step;
    }

    public String title() {
        return title;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CraNotificationKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
    }
}
