package dev.embargo.notify.rest;

/**
 * Whether the partner will be ready at the lift: ready, need_more_time (with a {@code reason}) or
 * cannot_meet.
 */
public record ReadinessRequest(String readiness, String reason) {}
