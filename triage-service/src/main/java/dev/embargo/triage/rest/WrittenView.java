package dev.embargo.triage.rest;

import java.time.Instant;

/**
 * A note or message on a case, as staff read it; {@code fromReporter} for what the reporter wrote.
 */
public record WrittenView(
        String id, String author, String text, Instant at, boolean fromReporter) {}
