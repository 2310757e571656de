package dev.embargo.notify.rest;

/**
 * A statement about one of the partner's products: {@code status} is affected, not_affected (with a
 * CSAF VEX {@code justification}), fixed (with {@code fixedVersion}) or under_investigation.
 */
public record StatementRequest(
        String product, String status, String justification, String fixedVersion) {}
