package dev.embargo.advisory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The advisory (its id) whose vulnerabilities move into this one, and why: published with it. */
public record MergeRequest(@NotNull UUID from, @NotBlank @Size(max = 2000) String reason) {}
