package dev.embargo.intake.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a researcher sends to report a vulnerability. Limits keep one report within the
 * request size limit and out of abuse territory; the OpenAPI document shows them.
 */
public record SubmitReportRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a program slug") String program,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 50_000) String description,
        @Email @Size(max = 254) String reporterEmail,
        @Size(max = 100) String creditName,
        @Size(max = 100) String affectedVersion) {
}
