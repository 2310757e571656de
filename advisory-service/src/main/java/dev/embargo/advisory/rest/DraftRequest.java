package dev.embargo.advisory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Draft the advisory of the case of this report. */
public record DraftRequest(
        @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9]{1,15}-\\d{4}-\\d{4,}$") String trackingId) {}
