package dev.embargo.triage.rest;

import java.time.Instant;

/** Triage's clock: the time it judges cases by, and how far that runs ahead of the system clock. */
public record ClockView(Instant now, String offset) {}
