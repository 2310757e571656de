package dev.embargo.policy.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.embargo.policy.model.PolicyDuration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a policy's deadlines that its schema cannot state: per-severity and per-track times
 * name levels and tracks that exist, promises state a time and a range runs forwards, disclosure is
 * not anchored on itself, and minimums and notices are fixed spans.
 */
final class PromiseRules {

    /** Promises of single steps, by their field in {@code deadlines}. */
    private static final List<String> STEP_PROMISES =
            List.of("acknowledgement", "triage", "statusUpdates", "disclosure", "preAnnouncement");

    /** Maps of promises, and what their keys name. */
    private static final Map<String, String> KEYED_PROMISES =
            Map.of(
                    "fixBySeverity", "severity",
                    "disclosureBySeverity", "severity",
                    "fixByTrack", "track",
                    "disclosureByTrack", "track");

    private PromiseRules() {}

    /**
     * Checks the normal and expedited deadlines, the partner groups and the escalation path.
     *
     * @param levels the names of the policy's severity levels; empty when it has no scale
     */
    static void check(JsonNode policy, Set<String> levels, List<PolicyError> errors) {
        boolean hasScale = policy.has("severity");
        Set<String> tracks = trackIds(policy.path("tracks"), errors);
        for (String at : List.of("deadlines", "expedited.deadlines")) {
            JsonNode deadlines =
                    at.startsWith("expedited")
                            ? policy.path("expedited").path("deadlines")
                            : policy.path("deadlines");
            checkDeadlines(deadlines, "policy." + at, hasScale, levels, tracks, errors);
        }
        JsonNode groups = policy.path("disclosure").path("partnerGroups");
        for (int i = 0; i < groups.size(); i++) {
            String field = "policy.disclosure.partnerGroups[" + i + "]";
            fixedSpan(groups.get(i).path("minEmbargo"), field + ".minEmbargo", errors);
            JsonNode notices = groups.get(i).path("notices");
            for (int n = 0; n < notices.size(); n++) {
                fixedSpan(
                        notices.get(n).path("before"),
                        field + ".notices[" + n + "].before",
                        errors);
            }
        }
        fixedSpan(policy.path("escalation").path("after"), "policy.escalation.after", errors);
    }

    private static Set<String> trackIds(JsonNode tracks, List<PolicyError> errors) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < tracks.size(); i++) {
            String id = tracks.get(i).path("id").asText();
            if (!ids.add(id)) {
                errors.add(
                        new PolicyError(
                                "policy.tracks[" + i + "].id",
                                null,
                                "'" + id + "' names another track already"));
            }
        }
        return ids;
    }

    private static void checkDeadlines(
            JsonNode deadlines,
            String at,
            boolean hasScale,
            Set<String> levels,
            Set<String> tracks,
            List<PolicyError> errors) {
        for (String step : STEP_PROMISES) {
            checkPromise(deadlines.path(step), at + "." + step, errors);
        }
        checkAnchor(deadlines.path("disclosure"), at + ".disclosure", errors);
        JsonNode preAnnouncement = deadlines.path("preAnnouncement");
        if (preAnnouncement.has("anchor")) {
            errors.add(
                    new PolicyError(
                            at + ".preAnnouncement.anchor",
                            null,
                            "a pre-announcement counts back from disclosure and takes no anchor"));
        }
        KEYED_PROMISES.forEach(
                (map, kind) -> {
                    boolean bySeverity = kind.equals("severity");
                    checkKeyed(
                            deadlines.path(map),
                            at + "." + map,
                            kind,
                            bySeverity ? hasScale : !tracks.isEmpty(),
                            bySeverity ? levels : tracks,
                            errors);
                });
        fixedSpan(deadlines.path("minimumEmbargo"), at + ".minimumEmbargo", errors);
        JsonNode minSeverity = deadlines.path("postMortem").path("minSeverity");
        if (!minSeverity.isMissingNode() && !levels.contains(minSeverity.asText())) {
            errors.add(
                    new PolicyError(
                            at + ".postMortem.minSeverity",
                            null,
                            "'"
                                    + minSeverity.asText()
                                    + "' is not one of the severity levels "
                                    + levels));
        }
    }

    /**
     * A promise per severity level or track id: the policy has levels or tracks, and these.
     *
     * @param kind {@code severity} or {@code track}
     * @param stated whether the policy has a severity scale or tracks at all
     */
    private static void checkKeyed(
            JsonNode promises,
            String at,
            String kind,
            boolean stated,
            Set<String> known,
            List<PolicyError> errors) {
        String map = at.substring(at.lastIndexOf('.') + 1);
        String source = kind.equals("severity") ? "policy.severity" : "policy.tracks";
        for (Map.Entry<String, JsonNode> entry : promises.properties()) {
            String field = at + "." + entry.getKey();
            if (!stated) {
                errors.add(
                        new PolicyError(
                                field,
                                null,
                                map + " needs " + source + ", and this policy states none"));
            } else if (!known.contains(entry.getKey())) {
                errors.add(
                        new PolicyError(
                                field,
                                null,
                                "'"
                                        + entry.getKey()
                                        + "' is not one of the "
                                        + source
                                        + " "
                                        + known));
            }
            checkPromise(entry.getValue(), field, errors);
            if (map.startsWith("disclosure")) {
                checkAnchor(entry.getValue(), field, errors);
            }
        }
    }

    /** An object promise states a time; its minimum is a fixed span no longer than its maximum. */
    private static void checkPromise(JsonNode promise, String field, List<PolicyError> errors) {
        if (!promise.isObject()) {
            return;
        }
        if (!promise.has("within") && !promise.has("atLeast")) {
            errors.add(
                    new PolicyError(
                            field,
                            null,
                            "a promise states within (at most), atLeast (at least) or both"));
            return;
        }
        fixedSpan(promise.path("atLeast"), field + ".atLeast", errors);
        if (promise.has("within") && promise.has("atLeast")) {
            PolicyDuration within = PolicyDuration.parse(promise.path("within").asText());
            PolicyDuration atLeast = PolicyDuration.parse(promise.path("atLeast").asText());
            Long most = hours(within);
            Long least = hours(atLeast);
            if (most != null && least != null && least > most) {
                errors.add(
                        new PolicyError(
                                field + ".atLeast",
                                null,
                                "the range runs from atLeast "
                                        + atLeast
                                        + " to within "
                                        + within
                                        + ": atLeast must not be longer"));
            }
        }
    }

    private static void checkAnchor(JsonNode promise, String field, List<PolicyError> errors) {
        if ("public-disclosure".equals(promise.path("anchor").asText())) {
            errors.add(
                    new PolicyError(
                            field + ".anchor",
                            null,
                            "disclosure cannot count from public disclosure itself"));
        }
    }

    /** A span Embargo counts with: no next-release, best-effort or asap. */
    private static void fixedSpan(JsonNode duration, String field, List<PolicyError> errors) {
        if (duration.isTextual() && PolicyDuration.parse(duration.asText()).isOpenEnded()) {
            errors.add(
                    new PolicyError(
                            field,
                            null,
                            "'"
                                    + duration.asText()
                                    + "' sets no time here; give a span such as 7d, 5bd or 48h"));
        }
    }

    /** The span in hours where it is comparable (hours, days, weeks); null for business days. */
    private static Long hours(PolicyDuration duration) {
        return switch (duration.unit()) {
            case HOURS -> duration.amount();
            case CALENDAR_DAYS -> duration.amount() * 24;
            case WEEKS -> duration.amount() * 24 * 7;
            default -> null;
        };
    }
}
