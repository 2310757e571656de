package dev.embargo.policy.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the deadlines of a case depend on.
 *
 * @param arrivedAt when the report arrived: every deadline runs from here
 * @param severity the severity level's name, or null before triage
 * @param expedited whether the case qualifies for the policy's expedited track
 * @param extensions extensions recorded so far
 */
public record CaseFacts(
        Instant arrivedAt, String severity, boolean expedited, List<Extension> extensions) {

    public CaseFacts {
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** A report as it arrives: no severity yet, normal track, no extension. */
    public static CaseFacts arrivedAt(Instant arrivedAt) {
        return new CaseFacts(arrivedAt, null, false, List.of());
    }

    public CaseFacts withSeverity(String newSeverity) {
        return new CaseFacts(arrivedAt, newSeverity, expedited, extensions);
    }

    public CaseFacts expedite() {
        return new CaseFacts(arrivedAt, severity, true, extensions);
    }

    public CaseFacts extend(Extension extension) {
        List<Extension> all = new java.util.ArrayList<>(extensions);
        all.add(extension);
        return new CaseFacts(arrivedAt, severity, expedited, all);
    }
}
