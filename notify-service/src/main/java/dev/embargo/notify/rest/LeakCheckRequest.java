package dev.embargo.notify.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A text suspected to be a leaked pre-advisory, as found (web page, paste, mail). */
public record LeakCheckRequest(@NotBlank @Size(max = 60000) String text) {}
