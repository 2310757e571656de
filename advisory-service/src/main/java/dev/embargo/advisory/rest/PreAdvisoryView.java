package dev.embargo.advisory.rest;

import java.time.Instant;
import java.util.List;

/** A released pre-advisory as staff see it (its content stays with the partners it went to). */
public record PreAdvisoryView(
        String id,
        String program,
        List<String> partnerGroups,
        Instant embargoUntil,
        String releasedBy,
        Instant releasedAt) {}
