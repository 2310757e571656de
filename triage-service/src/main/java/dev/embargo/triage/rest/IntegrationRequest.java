package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new integration: its name (which becomes the Keycloak client {@code integration-<name>}), the
 * staff roles it holds — never admin — and the programs it may see.
 */
public record IntegrationRequest(
        @NotNull
                @Pattern(
                        regexp = "[a-z0-9][a-z0-9-]{1,40}",
                        message = "must be 2 to 41 lower-case letters, digits or hyphens")
                String name,
        @NotEmpty
                List<
                                @NotNull
                                @Pattern(
                                        regexp = "triager|coordinator|publisher",
                                        message = "must be triager, coordinator or publisher")
                                String>
                        roles,
        @NotEmpty @Size(max = 100)
                List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String> programs) {}
