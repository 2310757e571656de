package dev.embargo.policy.deadline;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The event a promise's clock starts from. A step anchored on an event that has not happened yet
 * has no due time ("7 days after the fix release, once it is known").
 */
public enum Anchor {
    @JsonProperty("arrival")
    ARRIVAL,
    @JsonProperty("acknowledgement")
    ACKNOWLEDGEMENT,
    @JsonProperty("triage")
    TRIAGE,
    @JsonProperty("cve-assigned")
    CVE_ASSIGNED,
    @JsonProperty("fix-released")
    FIX_RELEASED,
    @JsonProperty("public-disclosure")
    PUBLIC_DISCLOSURE;

    /** The name program files use, e.g. {@code fix-released}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
