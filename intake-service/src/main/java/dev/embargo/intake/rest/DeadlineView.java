package dev.embargo.intake.rest;

import java.time.Instant;

/**
 * One promised step of a report: when it is due, the policy's own words for it, and where it
 * stands.
 *
 * @param state {@code pending}, {@code met} or {@code late}
 * @param escalable whether the reporter may escalate it now: it is late, or not met and the
 *     program's escalation threshold passed without an answer (the once-a-week limit aside)
 */
public record DeadlineView(
        String step, Instant dueAt, String promised, String state, boolean escalable) {}
