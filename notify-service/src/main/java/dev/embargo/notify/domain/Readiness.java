package dev.embargo.notify.domain;

/** Whether a partner will be ready when the embargo lifts. */
public enum Readiness implements AnswerLabel {
    READY,
    /** Needs the lift later; the partner says why. */
    NEED_MORE_TIME,
    CANNOT_MEET
}
