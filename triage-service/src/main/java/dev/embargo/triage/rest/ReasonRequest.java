package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why staff do something that changes what was promised. */
public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {}
