package dev.embargo.advisory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the embargo is broken (kept sealed in the audit trail). */
public record EarlyBreakRequest(@NotBlank @Size(max = 2000) String reason) {}
