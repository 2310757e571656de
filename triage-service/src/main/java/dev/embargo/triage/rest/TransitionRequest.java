package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Move a case: the target state by its wire name (e.g. {@code accepted}) and why; a move to {@code
 * duplicate} names the case it duplicates in {@code duplicateOf} (case id or tracking id); a move
 * to {@code needs_info} may ask the reporter its {@code question}, sent to them as a message.
 */
public record TransitionRequest(
        @NotBlank @Size(max = 40) String to,
        @Size(max = 2000) String reason,
        @Size(max = 64) String duplicateOf,
        @Size(max = 10000) String question) {}
