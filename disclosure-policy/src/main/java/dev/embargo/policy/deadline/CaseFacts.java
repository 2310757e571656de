package dev.embargo.policy.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the deadlines of a case depend on.
 *
 * @param arrivedAt when the report arrived: deadlines run from here unless anchored elsewhere
 * @param severity the severity level's name, or null before triage (or when the policy has none)
 * @param expedited whether the case qualifies for the policy's expedited track
 * @param extensions extensions recorded so far
 * @param track the id of the policy's track the case is on, or null
 * @param alreadyPublic whether the issue was public when reported: the expedited track applies when
 *     the policy names {@code already-public} for it
 * @param events when the events promises may be anchored on happened; arrival is {@code arrivedAt}
 */
public record CaseFacts(
        Instant arrivedAt,
        String severity,
        boolean expedited,
        List<Extension> extensions,
        String track,
        boolean alreadyPublic,
        Map<Anchor, Instant> events) {

    public CaseFacts {
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        Map<Anchor, Instant> known = new EnumMap<>(Anchor.class);
        if (events != null) {
            known.putAll(events);
        }
        known.put(Anchor.ARRIVAL, arrivedAt);
        events = Map.copyOf(known);
    }

    /** A case on no track, not public, with no event known but its arrival. */
    public CaseFacts(
            Instant arrivedAt, String severity, boolean expedited, List<Extension> extensions) {
        this(arrivedAt, severity, expedited, extensions, null, false, Map.of());
    }

    /** A report as it arrives: no severity yet, normal track, no extension. */
    public static CaseFacts arrivedAt(Instant arrivedAt) {
        return new CaseFacts(arrivedAt, null, false, List.of());
    }

    public CaseFacts withSeverity(String newSeverity) {
        return new CaseFacts(
                arrivedAt, newSeverity, expedited, extensions, track, alreadyPublic, events);
    }

    public CaseFacts expedite() {
        return new CaseFacts(arrivedAt, severity, true, extensions, track, alreadyPublic, events);
    }

    public CaseFacts onTrack(String trackId) {
        return new CaseFacts(
                arrivedAt, severity, expedited, extensions, trackId, alreadyPublic, events);
    }

    /** The issue was public already when reported. */
    public CaseFacts withAlreadyPublic() {
        return new CaseFacts(arrivedAt, severity, expedited, extensions, track, true, events);
    }

    /** The case with {@code anchor}'s event known to have happened {@code at}. */
    public CaseFacts withEvent(Anchor anchor, Instant at) {
        Map<Anchor, Instant> known = new EnumMap<>(events);
        known.put(anchor, at);
        return new CaseFacts(
                arrivedAt, severity, expedited, extensions, track, alreadyPublic, known);
    }

    /** When {@code anchor}'s event happened; null while it has not (or is not known). */
    public Instant eventAt(Anchor anchor) {
        return events.get(anchor);
    }

    public CaseFacts extend(Extension extension) {
        List<Extension> all = new ArrayList<>(extensions);
        all.add(extension);
        return new CaseFacts(arrivedAt, severity, expedited, all, track, alreadyPublic, events);
    }
}
