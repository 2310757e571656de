package dev.embargo.advisory.rest;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** When the embargo lifts and the advisory publishes itself. */
public record LiftRequest(@NotNull Instant liftAt) {}
