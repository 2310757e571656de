package dev.embargo.triage.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.report.ReportAcknowledged.PromisedDate;
import dev.embargo.policy.deadline.CaseFacts;
import dev.embargo.policy.deadline.DeadlineEngine;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.domain.VulnerabilityCase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A case's promised dates: computed by the deadline engine, stored with the case as JSON. */
@ApplicationScoped
public class CasePromises {

    private final ObjectMapper json;
    private final DeadlineEngine deadlines = new DeadlineEngine();

    CasePromises(ObjectMapper json) {
        this.json = json;
    }

    /** What the program's policy promises for a report that arrived then, at that severity (null: not yet scored). */
    public List<PromisedDate> compute(Program program, Instant arrivedAt, String severity) {
        return deadlines.timeline(program, CaseFacts.arrivedAt(arrivedAt).withSeverity(severity)).stream()
                .map(due -> new PromisedDate(due.step().name().toLowerCase(Locale.ROOT), due.due(),
                        due.promised() == null ? null : due.promised().toString()))
                .toList();
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

    public void store(VulnerabilityCase vulnerabilityCase, List<PromisedDate> promised) {
        try {
            vulnerabilityCase.promisedDates = json.writeValueAsString(promised);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Promised dates always serialize", e);
        }
    }
}
