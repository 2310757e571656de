package dev.embargo.advisory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The published advisory (public id) that replaces this one, and why: both published with it. */
public record SupersedeRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9]{1,15}-[0-9]{4}-[0-9]{4,}") String successor,
        @NotBlank @Size(max = 2000) String reason) {}
