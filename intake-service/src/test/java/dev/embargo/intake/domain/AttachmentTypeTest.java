package dev.embargo.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AttachmentTypeTest {

    private static final byte[] PNG_PIXEL =
            Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Test
    void aPngIsAPngWhateverItIsCalled() {
        assertThat(AttachmentType.of(PNG_PIXEL)).contains(AttachmentType.PNG);
    }

    @Test
    void plainUtf8TextWithAccentsAndLineBreaksIsText() {
        assertThat(
                        AttachmentType.of(
                                "Schritte:\r\n\t1. curl -H 'X: ü' …\n"
                                        .getBytes(StandardCharsets.UTF_8)))
                .contains(AttachmentType.TEXT);
    }

    @Test
    void executablesAndUnknownBinariesAreNoneOfTheKnownTypes() {
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
        byte[] windows = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        byte[] invalidUtf8 = {'a', 'b', (byte) 0xC3, 0x28};

        assertThat(AttachmentType.of(elf)).isEmpty();
        assertThat(AttachmentType.of(windows)).isEmpty();
        assertThat(AttachmentType.of(invalidUtf8)).isEmpty();
    }

    @Test
    void capturesArchivesDocumentsAndEncryptedMessagesAreRecognised() {
        assertThat(
                        AttachmentType.of(
                                new byte[] {
                                    (byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1, 2, 0
                                }))
                .contains(AttachmentType.PCAP);
        assertThat(AttachmentType.of(new byte[] {0x0A, 0x0D, 0x0D, 0x0A, 0x1C, 0}))
                .contains(AttachmentType.PCAPNG);
        assertThat(AttachmentType.of(new byte[] {'P', 'K', 3, 4, 20, 0}))
                .contains(AttachmentType.ZIP);
        assertThat(AttachmentType.of(new byte[] {0x1F, (byte) 0x8B, 8, 0}))
                .contains(AttachmentType.GZIP);
        assertThat(AttachmentType.of("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1)))
                .contains(AttachmentType.PDF);
        assertThat(
                        AttachmentType.of(
                                "-----BEGIN PGP MESSAGE-----\n\nhQEMA..."
                                        .getBytes(StandardCharsets.US_ASCII)))
                .contains(AttachmentType.OPENPGP);
        assertThat(AttachmentType.of(new byte[] {(byte) 0x85, 0x01, 0x0C, 0x03}))
                .contains(AttachmentType.OPENPGP);
        assertThat(AttachmentType.of(new byte[] {(byte) 0xC1, 0x0C, 0x03}))
                .contains(AttachmentType.OPENPGP);
    }
}
