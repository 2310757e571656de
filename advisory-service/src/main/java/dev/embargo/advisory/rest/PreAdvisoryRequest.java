package dev.embargo.advisory.rest;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** A pre-advisory to release to partner groups until the embargo lifts. */
public record PreAdvisoryRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be a program slug")
                String program,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 20000) String summary,
        @NotNull @Future(message = "must lie in the future") Instant embargoUntil,
        @NotEmpty @Size(max = 50)
                List<
                                @Pattern(
                                        regexp = "[a-z0-9][a-z0-9-]{0,62}",
                                        message = "must be a partner group id")
                                String>
                        partnerGroups,
        @Size(max = 50)
                List<
                                @Pattern(
                                        regexp = "EMB-[0-9]{4}-[0-9]{5,}",
                                        message = "must be a tracking id")
                                String>
                        trackingIds) {}
