package dev.embargo.triage.rest;

import java.time.Instant;

/** A line of a case's audit trail, its detail opened for staff. */
public record AuditLineView(Instant at, String actor, String action, String detail) {}
