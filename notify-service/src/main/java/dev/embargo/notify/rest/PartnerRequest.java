package dev.embargo.notify.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A partner to register: who, whom to write to, its partner groups and the programs it follows. */
public record PartnerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String contactEmail,
        @NotEmpty @Size(max = 50)
                List<
                                @Pattern(
                                        regexp = "[a-z0-9][a-z0-9-]{0,62}",
                                        message = "must be a partner group id")
                                String>
                        groups,
        @NotEmpty @Size(max = 200)
                List<
                                @Pattern(
                                        regexp = "[a-z0-9][a-z0-9-]{0,62}",
                                        message = "must be a program slug")
                                String>
                        programs) {}
