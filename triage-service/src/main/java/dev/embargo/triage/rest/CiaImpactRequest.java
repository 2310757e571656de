package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The impact on confidentiality, integrity and availability: each high, low or none. */
public record CiaImpactRequest(
        @NotNull @Pattern(regexp = "high|low|none", message = "must be high, low or none")
                String confidentiality,
        @NotNull @Pattern(regexp = "high|low|none", message = "must be high, low or none")
                String integrity,
        @NotNull @Pattern(regexp = "high|low|none", message = "must be high, low or none")
                String availability) {}
