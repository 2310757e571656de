package dev.embargo.advisory.domain;

/** Where an advisory stands: drafted, waiting for its lift time, or public. */
public enum AdvisoryState {
    DRAFT,
    SCHEDULED,
    PUBLISHED
}
