package dev.embargo.policy.deadline;

/** The steps of a case a policy can set a deadline for, in the order they happen. */
public enum Step {
    ACKNOWLEDGEMENT,
    TRIAGE,
    /** The first status update to the reporter; later ones follow at the same cadence. */
    STATUS_UPDATE,
    FIX,
    /** The earliest moment partners may be told under embargo, before disclosure. */
    PRE_RELEASE,
    DISCLOSURE,
    POST_MORTEM
}
