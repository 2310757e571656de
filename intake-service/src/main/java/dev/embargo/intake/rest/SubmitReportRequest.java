package dev.embargo.intake.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a researcher sends to report a vulnerability. Limits keep one report within the request size
 * limit and out of abuse territory; the OpenAPI document shows them.
 */
public record SubmitReportRequest(
        @NotBlank
                @Size(max = 64)
                @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a program slug")
                String program,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 50_000) String description,
        @Email @Size(max = 254) String reporterEmail,
        @Size(max = 100) String creditName,
        @Size(max = 100) String affectedVersion,
        @Size(max = 64)
                @Pattern(
                        regexp = "[a-z0-9][a-z0-9-]*",
                        message = "must be a scope class id of the program")
                String scopeClass,
        @Size(max = 300)
                @Pattern(
                        regexp =
                                "CVSS:(3\\.[01]|4\\.0)/[A-Za-z]{1,3}:[A-Za-z](/[A-Za-z]{1,3}:[A-Za-z])*",
                        message = "must be a CVSS 3.0, 3.1 or 4.0 vector")
                String cvssVector,
        @Pattern(regexp = "name|handle|anonymous", message = "must be name, handle or anonymous")
                String creditPreference,
        /**
         * The reporter's OpenPGP public key (ASCII armor): emails to them are then encrypted to it.
         */
        @Size(max = 20_000) String reporterPublicKey) {

    /** An anonymous reporter gives no name to credit. */
    @JsonIgnore
    @AssertTrue(message = "anonymous reporters give no credit name")
    public boolean isCreditConsistent() {
        return !"anonymous".equals(creditPreference) || creditName == null || creditName.isBlank();
    }
}
