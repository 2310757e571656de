package dev.embargo.triage.rest;

import jakarta.validation.constraints.Size;

/** The staff member to own a case; null or blank for none. */
public record OwnerRequest(@Size(max = 200) String owner) {}
