package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * How far ahead of the system clock triage should run, as an ISO-8601 duration, e.g. {@code P10D}
 * or {@code PT49H}.
 */
public record ClockRequest(@NotBlank @Size(max = 40) String offset) {}
