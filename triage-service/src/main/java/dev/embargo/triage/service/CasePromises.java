package dev.embargo.triage.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.report.ReportAcknowledged.PromisedDate;
import dev.embargo.policy.deadline.CaseFacts;
import dev.embargo.policy.deadline.DeadlineEngine;
import dev.embargo.policy.deadline.Extension;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.domain.VulnerabilityCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/** A case's promised dates: computed by the deadline engine, stored with the case as JSON. */
@ApplicationScoped
public class CasePromises {

    private final ObjectMapper json;
    private final CaseDeadlines scheduled;
    private final DeadlineEngine deadlines = new DeadlineEngine();

    CasePromises(ObjectMapper json, CaseDeadlines scheduled) {
        this.json = json;
        this.scheduled = scheduled;
    }

    /**
     * What the program's policy promises for the case as it stands: its arrival, severity (none
     * before scoring), track and agreed extensions. Throws {@link IllegalArgumentException} for
     * an extension the policy does not allow.
     */
    public List<PromisedDate> compute(Program program, VulnerabilityCase vulnerabilityCase) {
        CaseFacts facts = new CaseFacts(vulnerabilityCase.submittedAt.toInstant(), vulnerabilityCase.severity,
                vulnerabilityCase.expedited, extensionsOf(vulnerabilityCase));
        return deadlines.timeline(program, facts).stream()
                .map(due -> new PromisedDate(due.step().name().toLowerCase(Locale.ROOT), due.due(),
                        due.promised() == null ? null : due.promised().toString()))
                .toList();
    }

    public List<Extension> extensionsOf(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.extensions == null) {
            return List.of();
        }
        try {
            return json.readValue(vulnerabilityCase.extensions, new TypeReference<List<Extension>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Case " + vulnerabilityCase.id + " holds unreadable extensions", e);
        }
    }

    public void storeExtensions(VulnerabilityCase vulnerabilityCase, List<Extension> extensions) {
        vulnerabilityCase.extensions = write(extensions);
    }

    public List<PromisedDate> of(VulnerabilityCase vulnerabilityCase) {
        if (vulnerabilityCase.promisedDates == null) {
            return List.of();
        }
        try {
            return json.readValue(vulnerabilityCase.promisedDates, new TypeReference<List<PromisedDate>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Case " + vulnerabilityCase.id + " holds unreadable dates", e);
        }
    }

    /**
     * Stores the dates with the case and has the scheduler watch them, in the caller's
     * transaction (the case is persisted and locked).
     */
    public Uni<Void> keep(VulnerabilityCase vulnerabilityCase, List<PromisedDate> promised) {
        vulnerabilityCase.promisedDates = write(promised);
        return scheduled.plan(vulnerabilityCase, promised);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Dates and extensions always serialize", e);
        }
    }
}
