package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * When the fix was released, recorded before the case is published (or corrected), and optionally
 * why: the promises anchored on the fix release run from it.
 */
public record FixReleaseRequest(@NotNull Instant releasedAt, @Size(max = 2000) String reason) {}
