package dev.embargo.intake.rest;

import java.time.Instant;

/** One message of the conversation on the status page. */
public record MessageView(String from, String text, Instant at) {
}
