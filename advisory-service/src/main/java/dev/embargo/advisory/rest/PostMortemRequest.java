package dev.embargo.advisory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PostMortemRequest(
        @NotBlank @Size(max = 5000) String summary,
        @NotBlank @Size(max = 10000) String timeline,
        @NotBlank @Size(max = 10000) String rootCause,
        @NotBlank @Size(max = 10000) String lessonsLearned) {}
