package dev.embargo.intake.service;

import java.util.List;

/**
 * An email as the email channel reads it from a program's intake mailbox.
 *
 * @param messageId its Message-ID, or a digest of the raw message when it has none
 * @param from the sender's address: the report's contact, or who must match it for a reply
 * @param autoSubmitted sent by a machine (RFC 3834 Auto-Submitted), e.g. an out-of-office reply
 * @param text the body: the plain-text part, the HTML part as text, or the armored PGP/MIME part
 * @param files the attachments
 */
public record InboundMail(
        String messageId,
        String from,
        String subject,
        boolean autoSubmitted,
        String text,
        List<IncomingFile> files) {}
