package dev.embargo.triage.rest;

/**
 * A CVSS vector's base score, as the case's severity would be computed from it.
 *
 * @param version {@code 3.0}, {@code 3.1} or {@code 4.0}
 * @param vector the vector as the calculator normalised it
 * @param severity FIRST's qualitative rating of the score: none, low, medium, high or critical
 */
public record CvssScoreView(String version, String vector, double baseScore, String severity) {}
