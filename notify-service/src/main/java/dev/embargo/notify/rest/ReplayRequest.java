package dev.embargo.notify.rest;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Replay everything an endpoint was sent (or was to be sent) since a time. */
public record ReplayRequest(@NotNull Instant since) {}
