package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The request bodies of the EU CRA endpoints. */
public final class CraRequests {

    private CraRequests() {}

    /** Starts the clock: the case is actively exploited, or a severe incident happened. */
    public record Start(
            @NotBlank
                    @Pattern(
                            regexp = "actively_exploited|severe_incident",
                            message = "must be actively_exploited or severe_incident")
                    String trigger,
            @NotNull Instant awareAt,
            @NotBlank @Size(max = 2000) String reason) {}

    /** Corrects the awareness time; the reason is audited. */
    public record Awareness(@NotNull Instant awareAt, @NotBlank @Size(max = 2000) String reason) {}

    /** A corrective or mitigating measure became available. */
    public record CorrectiveMeasure(
            @NotNull Instant availableAt, @NotBlank @Size(max = 4000) String description) {}

    /** The notification went to the single reporting platform. */
    public record Submission(@NotBlank @Size(max = 500) String reference, Instant submittedAt) {}
}
