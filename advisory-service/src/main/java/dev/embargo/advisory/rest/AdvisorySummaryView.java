package dev.embargo.advisory.rest;

import java.time.Instant;

/** An advisory in a list: no content, which may be embargoed. */
public record AdvisorySummaryView(
        String id,
        String publicId,
        String program,
        String trackingId,
        String state,
        int revision,
        Instant liftAt,
        Instant publishedAt) {}
