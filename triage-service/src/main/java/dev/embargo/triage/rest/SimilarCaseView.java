package dev.embargo.triage.rest;

/**
 * A case whose report reads like another's: a likely duplicate, with pg_trgm-style similarity from
 * 0 to 1.
 */
public record SimilarCaseView(
        String id, String trackingId, String title, String state, double similarity) {}
