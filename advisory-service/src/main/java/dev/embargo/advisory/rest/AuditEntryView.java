package dev.embargo.advisory.rest;

import java.time.Instant;

public record AuditEntryView(String action, String actor, String detail, Instant at) {}
