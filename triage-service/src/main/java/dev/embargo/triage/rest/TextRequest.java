package dev.embargo.triage.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note or a message: plain text. */
public record TextRequest(@NotBlank @Size(max = 20000) String text) {}
