package dev.embargo.intake.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The reporter escalates a late promised step.
 *
 * @param step the step's wire name as the status shows it, e.g. {@code triage}
 * @param message what the reporter tells the team's escalation contacts
 */
public record EscalationRequest(
        @NotBlank @Size(max = 60) String step,
        @NotBlank @Size(max = EscalationRequest.MAX_MESSAGE) String message) {

    /**
     * Longest message, in characters: an escalation says what is late, the details are messages.
     */
    public static final int MAX_MESSAGE = 5_000;
}
