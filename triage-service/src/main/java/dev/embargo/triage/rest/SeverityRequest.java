package dev.embargo.triage.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Score a case: a CVSS vector, a level of the program's scheme, or both (the level then wins); the
 * CIA impact is read from the vector unless given.
 */
public record SeverityRequest(
        @Size(max = 300) String cvssVector,
        @Size(max = 40) String level,
        @Valid CiaImpactRequest ciaImpact) {}
