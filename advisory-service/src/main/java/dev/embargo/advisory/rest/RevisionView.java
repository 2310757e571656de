package dev.embargo.advisory.rest;

import dev.embargo.advisory.domain.AdvisoryContent;
import java.time.Instant;

public record RevisionView(
        int number,
        String changeSummary,
        String editedBy,
        Instant editedAt,
        Instant publishedAt,
        AdvisoryContent content) {}
