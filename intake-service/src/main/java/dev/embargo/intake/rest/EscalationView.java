package dev.embargo.intake.rest;

import java.time.Instant;

/** An escalation as the reporter sees it: which step, and when the team received it. */
public record EscalationView(String step, Instant receivedAt) {}
