package dev.embargo.intake.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The reporter's OpenPGP public key, ASCII-armored. */
public record ReporterKeyRequest(@NotBlank @Size(max = 20_000) String publicKey) {}
