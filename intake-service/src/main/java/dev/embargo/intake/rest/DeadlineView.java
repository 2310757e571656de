package dev.embargo.intake.rest;

import java.time.Instant;

/**
 * One promised step of a report: when it is due, the policy's own words for it, and where it
 * stands.
 *
 * @param state {@code pending}, {@code met} or {@code late}
 */
public record DeadlineView(String step, Instant dueAt, String promised, String state) {}
