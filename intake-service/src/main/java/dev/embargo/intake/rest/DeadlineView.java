package dev.embargo.intake.rest;

import java.time.Instant;

/** One deadline of a timeline preview: when it is due, the policy's own words for it, and why. */
public record DeadlineView(String step, Instant dueAt, String promised, String basis) {}
