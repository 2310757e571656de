package dev.embargo.advisory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The vulnerabilities, by CVE ID, that move out of an advisory into a new one, and the new one's
 * title.
 */
public record SplitRequest(
        @NotEmpty @Size(max = 50)
                List<@NotBlank @Pattern(regexp = "^CVE-\\d{4}-\\d{4,19}$") String> vulnerabilities,
        @NotBlank @Size(max = 256) String title) {}
