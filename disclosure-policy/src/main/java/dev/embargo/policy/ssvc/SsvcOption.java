package dev.embargo.policy.ssvc;

/**
 * One decision point's value as a decision table names them, e.g. {@code Exploitation} and {@code
 * Public PoC}.
 */
public record SsvcOption(String decisionPoint, String value) {}
