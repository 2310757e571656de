package dev.embargo.intake.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the reporter writes to the security team. */
public record ReporterMessageRequest(
        @NotBlank @Size(max = ReporterMessageRequest.MAX_TEXT) String text) {

    /** Longest message, in characters; the multipart route keeps the same limit. */
    public static final int MAX_TEXT = 20_000;
}
