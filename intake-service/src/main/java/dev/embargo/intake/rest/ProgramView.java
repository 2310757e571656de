package dev.embargo.intake.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * A program as the public sees it: its revision in force and the whole program file (it is all
 * public).
 */
public record ProgramView(
        String slug, int revision, Instant publishedAt, @JsonRawValue String program) {}
