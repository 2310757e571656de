package dev.embargo.advisory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a published advisory is withdrawn, or its CVE record rejected: published with it. */
public record WithdrawRequest(@NotBlank @Size(max = 2000) String reason) {}
