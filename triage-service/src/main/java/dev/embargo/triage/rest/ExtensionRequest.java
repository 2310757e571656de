package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * More time for one step, e.g. {@code {"step": "disclosure", "by": "30d", "reason": "...",
 * "reporterAgreed": true}}.
 */
public record ExtensionRequest(
        @NotBlank
                @Pattern(
                        regexp =
                                "acknowledgement|triage|status_update|fix|pre_release|disclosure|post_mortem",
                        message = "must be a step of the timeline")
                String step,
        @NotBlank
                @Pattern(
                        regexp = "[0-9]{1,4}(h|d|bd|w)",
                        message = "must be a duration such as 30d, 2w or 10bd")
                String by,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull Boolean reporterAgreed) {}
