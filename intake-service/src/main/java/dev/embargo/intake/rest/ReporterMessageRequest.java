package dev.embargo.intake.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the reporter writes to the security team. */
public record ReporterMessageRequest(@NotBlank @Size(max = 20000) String text) {
}
