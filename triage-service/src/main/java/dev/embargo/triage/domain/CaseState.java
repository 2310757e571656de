package dev.embargo.triage.domain;

import java.util.Locale;

/**
 * Where a case stands in the security team's workflow; it covers the seeds' processes (seed 002:
 * acknowledge, reproduce and score, patch, private pre-advisory, release, advisory, post-mortem;
 * seed 004: triage, fix and validation, pre-release, public release, post-mortem). Which moves are
 * allowed is {@link CaseLifecycle}'s business.
 */
public enum CaseState {
    NEW,
    ACKNOWLEDGED,
    TRIAGING,
    NEEDS_INFO,
    ACCEPTED,
    DUPLICATE,
    OUT_OF_SCOPE,
    SPAM,
    WONT_FIX,
    FIXING,
    PRE_RELEASE,
    PUBLISHED,
    POST_MORTEM,
    CLOSED;

    /** The lower-case name used on the wire, e.g. {@code needs_info}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state a wire name names; empty for none. */
    public static java.util.Optional<CaseState> fromWireName(String wireName) {
        return java.util.Arrays.stream(values())
                .filter(state -> state.wireName().equals(wireName))
                .findFirst();
    }
}
