package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The scope decision: the program's class the report falls in (in or out of scope), and the
 * versions it affects and is fixed in, e.g. {@code {"scopeClass": "memory-safety",
 * "affectedVersions": ["v0.1.2"], "fixedVersions": ["v0.1.3"]}}.
 */
public record ScopeRequest(
        @NotBlank @Size(max = 64) String scopeClass,
        @Size(max = 50)
                List<
                                @NotBlank
                                @Pattern(
                                        regexp = "[A-Za-z0-9._*<>=~^+-]{1,40}",
                                        message = "must be a version")
                                String>
                        affectedVersions,
        @Size(max = 50)
                List<
                                @NotBlank
                                @Pattern(
                                        regexp = "[A-Za-z0-9._*<>=~^+-]{1,40}",
                                        message = "must be a version")
                                String>
                        fixedVersions,
        @Size(max = 2000) String reason) {}
