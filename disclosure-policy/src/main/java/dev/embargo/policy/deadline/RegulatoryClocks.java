package dev.embargo.policy.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The clocks a case runs beside its policy's: the CVE Program's (CNA Operational Rules
 * 4.5.1.3/4.5.1.4) and the EU Cyber Resilience Act's (Regulation (EU) 2024/2847, Article 14). Their
 * spans are the rules' own, counted in plain hours and days (UTC), never in business days: no
 * program can change them.
 */
public final class RegulatoryClocks {

    /** CNA rule 4.5.1.3: the record should be published within 24 hours of public disclosure. */
    public static final Duration CVE_RECORD_TARGET = Duration.ofHours(24);

    /** CNA rule 4.5.1.4: the record must be published within 72 hours of public disclosure. */
    public static final Duration CVE_RECORD_LIMIT = Duration.ofHours(72);

    /** Art. 14(2)(a) and (4)(a): the early warning within 24 hours of becoming aware. */
    public static final Duration CRA_EARLY_WARNING = Duration.ofHours(24);

    /** Art. 14(2)(b) and (4)(b): the notification within 72 hours of becoming aware. */
    public static final Duration CRA_NOTIFICATION = Duration.ofHours(72);

    /** Art. 14(2)(c): the final report within 14 days of a corrective measure being available. */
    public static final Duration CRA_FINAL_AFTER_MEASURE = Duration.ofDays(14);

    /** Art. 14(4)(c): an incident's final report within one month of its notification. */
    public static final Period CRA_FINAL_AFTER_NOTIFICATION = Period.ofMonths(1);

    /** Every regulatory step that applies to the case, in order; a step not yet due has no time. */
    public List<RegulatoryDeadline> timeline(RegulatoryFacts facts) {
        List<RegulatoryDeadline> timeline = new ArrayList<>();
        if (facts.cveRecordOwed()) {
            cveRecord(timeline, facts.publiclyDisclosedAt());
        }
        if (facts.craTrigger() != null) {
            cra(timeline, facts);
        }
        return timeline;
    }

    private static void cveRecord(List<RegulatoryDeadline> timeline, Instant disclosed) {
        timeline.add(
                new RegulatoryDeadline(
                        Step.CVE_RECORD_TARGET,
                        disclosed,
                        plus(disclosed, CVE_RECORD_TARGET),
                        false,
                        "CNA rule 4.5.1.3: the CVE record should be public within 24 hours of"
                                + " public disclosure"));
        timeline.add(
                new RegulatoryDeadline(
                        Step.CVE_RECORD,
                        disclosed,
                        plus(disclosed, CVE_RECORD_LIMIT),
                        true,
                        "CNA rule 4.5.1.4: the CVE record must be public within 72 hours of public"
                                + " disclosure"));
    }

    private static void cra(List<RegulatoryDeadline> timeline, RegulatoryFacts facts) {
        Instant aware = facts.awareAt();
        boolean incident = facts.craTrigger() == CraTrigger.SEVERE_INCIDENT;
        timeline.add(
                new RegulatoryDeadline(
                        Step.CRA_EARLY_WARNING,
                        aware,
                        aware.plus(CRA_EARLY_WARNING),
                        true,
                        (incident ? "CRA Art. 14(4)(a)" : "CRA Art. 14(2)(a)")
                                + ": early warning within 24 hours of becoming aware"));
        timeline.add(
                new RegulatoryDeadline(
                        Step.CRA_NOTIFICATION,
                        aware,
                        aware.plus(CRA_NOTIFICATION),
                        true,
                        incident
                                ? "CRA Art. 14(4)(b): incident notification within 72 hours of"
                                        + " becoming aware"
                                : "CRA Art. 14(2)(b): vulnerability notification within 72 hours"
                                        + " of becoming aware"));
        if (incident) {
            Instant notified = facts.notificationSubmittedAt();
            timeline.add(
                    new RegulatoryDeadline(
                            Step.CRA_FINAL_REPORT,
                            notified,
                            notified == null
                                    ? null
                                    : notified.atOffset(ZoneOffset.UTC)
                                            .plus(CRA_FINAL_AFTER_NOTIFICATION)
                                            .toInstant(),
                            true,
                            "CRA Art. 14(4)(c): final report within one month of the incident"
                                    + " notification"));
        } else {
            Instant measure = facts.correctiveMeasureAt();
            timeline.add(
                    new RegulatoryDeadline(
                            Step.CRA_FINAL_REPORT,
                            measure,
                            plus(measure, CRA_FINAL_AFTER_MEASURE),
                            true,
                            "CRA Art. 14(2)(c): final report within 14 days of a corrective or"
                                    + " mitigating measure being available"));
        }
    }

    private static Instant plus(Instant from, Duration span) {
        return from == null ? null : from.plus(span);
    }
}
