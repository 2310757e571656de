package dev.embargo.intake.mapping;

import dev.embargo.policy.deadline.Anchor;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.policy.model.Promise;
import java.util.Locale;
import java.util.Map;

/**
 * A policy's fixed vocabulary (durations, promises, channel and release words) in a reader's words.
 * Everything here is Embargo's own text, safe in Markdown as it is; a promise's note is the
 * program's text and is escaped.
 */
final class PolicyWords {

    private static final Map<String, String> CHANNELS =
            Map.ofEntries(
                    Map.entry("web", "Web form"),
                    Map.entry("api", "API"),
                    Map.entry("email", "Email"),
                    Map.entry("github-private-reporting", "GitHub private vulnerability reporting"),
                    Map.entry("chat", "Chat"),
                    Map.entry("hackerone", "HackerOne"),
                    Map.entry("bugcrowd", "Bugcrowd"),
                    Map.entry("intigriti", "Intigriti"),
                    Map.entry("yeswehack", "YesWeHack"),
                    Map.entry("portal", "The vendor's bug-hunter portal"),
                    Map.entry("issue-tracker", "Private issue tracker"),
                    Map.entry("own", "the program's own"),
                    Map.entry("mailing-list", "Mailing list"),
                    Map.entry("blog", "Blog"),
                    Map.entry("rss", "RSS feed"),
                    Map.entry("github-advisories", "GitHub security advisories"),
                    Map.entry("distros-list", "Distributions list"),
                    Map.entry("website", "Website"),
                    Map.entry("social", "Social media"),
                    Map.entry("other", "Elsewhere"));

    private static final Map<String, String> RELEASES =
            Map.of(
                    "fixed-in-public", "fixed in public",
                    "next-scheduled-release", "fixed in the next scheduled release",
                    "out-of-band-release", "fixed in a release out of band",
                    "no-advisory", "fixed with no advisory");

    private static final Map<String, String> CVE_ROUTES =
            Map.of(
                    "own-cna", "The program is its own CVE Numbering Authority (CNA)",
                    "parent-cna", "CVE IDs come from the program's parent CNA",
                    "other-assigner", "CVE IDs are requested from another assigner",
                    "none", "The program does not assign CVE IDs");

    private PolicyWords() {}

    /** A channel, announcement or bounty platform type as people name it; an unknown type as is. */
    static String channel(String type) {
        return CHANNELS.getOrDefault(type, MarkdownText.line(type));
    }

    /** A release vehicle ({@code next-scheduled-release}) in words. */
    static String release(String vehicle) {
        return RELEASES.getOrDefault(vehicle, MarkdownText.line(vehicle));
    }

    static String cveRoute(String route) {
        return CVE_ROUTES.getOrDefault(route, MarkdownText.line(route));
    }

    /** "3bd" as "3 business days". */
    static String amount(PolicyDuration duration) {
        long count = duration.amount();
        return switch (duration.unit()) {
            case HOURS -> count + (count == 1 ? " hour" : " hours");
            case CALENDAR_DAYS -> count + (count == 1 ? " day" : " days");
            case BUSINESS_DAYS -> count + (count == 1 ? " business day" : " business days");
            case WEEKS -> count + (count == 1 ? " week" : " weeks");
            case NEXT_RELEASE -> "the next release";
            case BEST_EFFORT -> "no fixed time";
            case ASAP -> "as soon as possible";
        };
    }

    /** "3bd" as "within 3 business days", and so on. */
    static String within(PolicyDuration duration) {
        return switch (duration.unit()) {
            case NEXT_RELEASE -> "with the next release";
            case BEST_EFFORT -> "best effort, no fixed time";
            case ASAP -> "as soon as possible";
            default -> "within " + amount(duration);
        };
    }

    /**
     * A promise as the policy means it: "within 3 days", "in 3 days to 7 days", "not before 7
     * days", with the event its clock starts from, and a target marked as one, never as a
     * commitment.
     */
    static String promise(Promise promise) {
        String span;
        if (promise.within() == null) {
            span = "not before " + amount(promise.atLeast());
        } else if (promise.atLeast() == null) {
            span = within(promise.within());
        } else if (promise.within().isOpenEnded()) {
            span = "not before " + amount(promise.atLeast()) + ", " + within(promise.within());
        } else {
            span = "in " + amount(promise.atLeast()) + " to " + amount(promise.within());
        }
        return span
                + after(promise.anchor())
                + (promise.firm() ? "" : " (a target we aim for, not a commitment)")
                + (promise.note() == null ? "" : " — " + MarkdownText.line(promise.note()));
    }

    /** " after the fix is released"; nothing for arrival, which every reader assumes. */
    static String after(Anchor anchor) {
        return switch (anchor) {
            case ARRIVAL -> "";
            case ACKNOWLEDGEMENT -> " after the acknowledgement";
            case TRIAGE -> " after triage";
            case CVE_ASSIGNED -> " after the CVE ID is assigned";
            case FIX_READY -> " after a fix is ready";
            case FIX_MERGED -> " after the fix is merged";
            case FIX_RELEASED -> " after the fix is released";
            case PUBLIC_DISCLOSURE -> " after public disclosure";
        };
    }

    /** "ABCD 1234 …": a fingerprint in groups of four, easier to compare by eye. */
    static String fingerprint(String fingerprint) {
        return fingerprint.toUpperCase(Locale.ROOT).replaceAll("(.{4})(?=.)", "$1 ");
    }
}
