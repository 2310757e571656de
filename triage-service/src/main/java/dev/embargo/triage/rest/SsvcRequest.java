package dev.embargo.triage.rest;

import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * An SSVC decision: each decision point of CISA's table named as the table names it (Exploitation,
 * Automatable, Technical Impact, Mission and Well-Being Impact) with its value, and optionally the
 * seven of CERT/CC's coordinator triage. Names and values ignore case.
 */
public record SsvcRequest(
        @Size(max = 10) Map<String, @Size(max = 100) String> decisionPoints,
        @Size(max = 10) Map<String, @Size(max = 100) String> coordinatorTriage) {}
