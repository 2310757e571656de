package dev.embargo.policy.deadline;

/** The steps of a case a policy can set a deadline for, in the order they happen. */
public enum Step {
    ACKNOWLEDGEMENT,
    TRIAGE,
    /** The first status update to the reporter; later ones follow at the same cadence. */
    STATUS_UPDATE,
    FIX,
    /** The end of the minimum embargo: no public disclosure before it. */
    MINIMUM_EMBARGO,
    /** The earliest moment partners may be told under embargo, before disclosure. */
    PRE_RELEASE,
    /** A notice to one partner group before disclosure; a group may have several. */
    PARTNER_NOTICE,
    /** A public notice that a fix is coming ("a release fixing a HIGH issue comes on date X"). */
    PRE_ANNOUNCEMENT,
    DISCLOSURE,
    POST_MORTEM
}
