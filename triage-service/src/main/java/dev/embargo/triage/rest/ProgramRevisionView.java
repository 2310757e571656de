package dev.embargo.triage.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** A program's revision in force, with the program itself in the program file format. */
public record ProgramRevisionView(
        String slug,
        int revision,
        Instant publishedAt,
        String source,
        String changedBy,
        @JsonRawValue String program) {}
