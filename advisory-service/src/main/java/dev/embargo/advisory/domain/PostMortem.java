package dev.embargo.advisory.domain;

import java.time.Instant;

/**
 * What the team learnt from a case (seeds 002 and 004 promise one). Sealed with the advisory until
 * it is public, then published with it and linked from every format. Who wrote it stays in the
 * audit trail: staff logins are not published.
 */
public record PostMortem(
        String summary,
        String timeline,
        String rootCause,
        String lessonsLearned,
        Instant writtenAt) {}
