package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A CVSS 3.0, 3.1 or 4.0 vector to score, e.g. {@code {"vector":
 * "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}.
 */
public record CvssScoreRequest(@NotBlank @Size(max = 300) String vector) {}
