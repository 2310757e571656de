package dev.embargo.triage.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.report.Deadline;
import dev.embargo.policy.deadline.CaseFacts;
import dev.embargo.policy.deadline.CraTrigger;
import dev.embargo.policy.deadline.DeadlineEngine;
import dev.embargo.policy.deadline.Extension;
import dev.embargo.policy.deadline.RegulatoryClocks;
import dev.embargo.policy.deadline.RegulatoryDeadline;
import dev.embargo.policy.deadline.RegulatoryFacts;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.domain.ProgramObligations;
import dev.embargo.triage.domain.VulnerabilityCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * A case's timeline: the deadlines its program's policy sets, computed by the deadline engine and
 * stored with the case as JSON.
 */
@ApplicationScoped
public class CaseTimeline {

    private final ObjectMapper json;
    private final CaseDeadlines scheduled;
    private final DeadlineEngine engine = new DeadlineEngine();
    private final RegulatoryClocks regulatoryClocks = new RegulatoryClocks();

    CaseTimeline(ObjectMapper json, CaseDeadlines scheduled) {
        this.json = json;
        this.scheduled = scheduled;
    }

    /**
     * The deadlines the program's policy sets for the case as it stands: its arrival, severity
     * (none before scoring), track and agreed extensions. Throws {@link IllegalArgumentException}
     * for an extension the policy does not allow.
     */
    public List<Deadline> compute(Program program, VulnerabilityCase vulnerabilityCase) {
        CaseFacts facts =
                new CaseFacts(
                        vulnerabilityCase.submittedAt.toInstant(),
                        vulnerabilityCase.severity,
                        vulnerabilityCase.expedited,
                        extensionsOf(vulnerabilityCase));
        return engine.timeline(program, facts).stream()
                .map(
                        due ->
                                new Deadline(
                                        due.step().name().toLowerCase(Locale.ROOT),
                                        due.due(),
                                        due.promised() == null ? null : due.promised().toString()))
                .toList();
    }

    public List<Extension> extensionsOf(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.extensions == null) {
            return List.of();
        }
        try {
            return json.readValue(
                    vulnerabilityCase.extensions, new TypeReference<List<Extension>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Case " + vulnerabilityCase.id + " holds unreadable extensions", e);
        }
    }

    public void storeExtensions(VulnerabilityCase vulnerabilityCase, List<Extension> extensions) {
        vulnerabilityCase.extensions = write(extensions);
    }

    public List<Deadline> of(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.deadlines == null) {
            return List.of();
        }
        try {
            return json.readValue(
                    vulnerabilityCase.deadlines, new TypeReference<List<Deadline>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Case " + vulnerabilityCase.id + " holds unreadable deadlines", e);
        }
    }

    /**
     * Stores the deadlines with the case and has the scheduler watch them with the regulatory
     * clocks, in the caller's transaction (the case is persisted and locked).
     */
    public Uni<Void> keep(VulnerabilityCase vulnerabilityCase, List<Deadline> deadlines) {
        vulnerabilityCase.deadlines = write(deadlines);
        return scheduled.plan(vulnerabilityCase, deadlines, regulatoryOf(vulnerabilityCase));
    }

    /** Has the scheduler watch the case's clocks again after a regulatory fact changed. */
    public Uni<Void> replan(VulnerabilityCase vulnerabilityCase) {
        return keep(vulnerabilityCase, of(vulnerabilityCase));
    }

    /**
     * The CNA clock (when the program, as the CNA, assigned the case's CVE ID) and the EU CRA clock
     * (when one was started), from the case's facts.
     */
    public List<RegulatoryDeadline> regulatoryOf(VulnerabilityCase vulnerabilityCase) {
        return regulatoryClocks.timeline(
                new RegulatoryFacts(
                        vulnerabilityCase.cveId != null
                                && ProgramObligations.OWN_CNA.equals(vulnerabilityCase.cveRoute),
                        instant(vulnerabilityCase.publiclyDisclosedAt),
                        vulnerabilityCase.craTrigger == null
                                ? null
                                : CraTrigger.valueOf(
                                        vulnerabilityCase.craTrigger.toUpperCase(Locale.ROOT)),
                        instant(vulnerabilityCase.craAwareAt),
                        instant(vulnerabilityCase.craCorrectiveMeasureAt),
                        instant(vulnerabilityCase.craNotifiedAt)));
    }

    private static java.time.Instant instant(java.time.OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Deadlines and extensions always serialize", e);
        }
    }
}
