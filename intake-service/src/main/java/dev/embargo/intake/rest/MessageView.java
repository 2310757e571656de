package dev.embargo.intake.rest;

import java.time.Instant;

/**
 * One message of the conversation on the status page.
 *
 * @param id the message; files sent with it name it as their {@code messageId}
 * @param from {@code you} (the reporter) or {@code security team}
 */
public record MessageView(String id, String from, String text, Instant at) {}
