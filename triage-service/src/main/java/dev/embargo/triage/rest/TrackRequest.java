package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Put a case on one of its policy's tracks (null: on none), and why: the track decides how the fix
 * ships and whether it is kept under embargo.
 */
public record TrackRequest(
        @Size(max = 64) String track, @NotBlank @Size(max = 2000) String reason) {}
