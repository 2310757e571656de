package dev.embargo.intake.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What an attachment is, judged by its first bytes and never by its name or the type its sender
 * claimed: a file named {@code poc.txt} that starts like a PNG is a PNG, and an executable named
 * {@code screenshot.png} is refused. Only the types researchers send with a report are known: text,
 * PDF, images, screen recordings, archives, packet captures and OpenPGP messages.
 */
public enum AttachmentType {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    GIF("image/gif"),
    WEBP("image/webp"),
    MP4("video/mp4"),
    WEBM("video/webm"),
    ZIP("application/zip"),
    GZIP("application/gzip"),
    PCAP("application/vnd.tcpdump.pcap"),
    PCAPNG("application/x-pcapng"),
    OPENPGP("application/pgp-encrypted"),
    TEXT("text/plain; charset=utf-8");

    private final String mediaType;

    AttachmentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The type of {@code content}; empty when it is none of the known types (executables, office
     * macros, unknown binaries).
     */
    public static Optional<AttachmentType> of(byte[] content) {
        if (startsWith(content, 0, "%PDF-")) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, "GIF87a") || startsWith(content, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (startsWith(content, 0, "RIFF") && startsWith(content, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (startsWith(content, 4, "ftyp")) {
            return Optional.of(MP4);
        }
        if (startsWith(content, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of(WEBM);
        }
        if (startsWith(content, 0, 'P', 'K', 0x03, 0x04)
                || startsWith(content, 0, 'P', 'K', 0x05, 0x06)) {
            return Optional.of(ZIP);
        }
        if (startsWith(content, 0, 0x1F, 0x8B)) {
            return Optional.of(GZIP);
        }
        if (startsWith(content, 0, 0xD4, 0xC3, 0xB2, 0xA1)
                || startsWith(content, 0, 0xA1, 0xB2, 0xC3, 0xD4)
                || startsWith(content, 0, 0x4D, 0x3C, 0xB2, 0xA1)
                || startsWith(content, 0, 0xA1, 0xB2, 0x3C, 0x4D)) {
            return Optional.of(PCAP);
        }
        if (startsWith(content, 0, 0x0A, 0x0D, 0x0D, 0x0A)) {
            return Optional.of(PCAPNG);
        }
        if (startsWith(content, 0, "-----BEGIN PGP MESSAGE-----")
                || isBinaryOpenPgpMessage(content)) {
            return Optional.of(OPENPGP);
        }
        if (isText(content)) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    /**
     * A binary OpenPGP message starts with a public-key encrypted session key packet (tag 1) or a
     * symmetric-key one (tag 3), in the old or the new packet format.
     */
    private static boolean isBinaryOpenPgpMessage(byte[] content) {
        if (content.length < 2 || (content[0] & 0x80) == 0) {
            return false;
        }
        int header = content[0] & 0xFF;
        int tag = (header & 0x40) != 0 ? header & 0x3F : (header >> 2) & 0x0F;
        return tag == 1 || tag == 3;
    }

    /**
     * UTF-8 without NUL or other control bytes than tab, line feed, carriage return and form feed.
     */
    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f')
                    || b == 0x7F) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, int offset, String ascii) {
        return startsWith(content, offset, ascii.chars().toArray());
    }

    private static boolean startsWith(byte[] content, int offset, int... expected) {
        if (content.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((content[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
