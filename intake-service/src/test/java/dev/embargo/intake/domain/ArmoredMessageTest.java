package dev.embargo.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.kit.crypto.OpenPgpRecipient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pgpainless.PGPainless;
import org.pgpainless.encryption_signing.EncryptionOptions;
import org.pgpainless.encryption_signing.EncryptionStream;
import org.pgpainless.encryption_signing.ProducerOptions;
import org.pgpainless.util.Passphrase;

class ArmoredMessageTest {

    private static final String PROGRAM_KEY = certificate("Program team <security@example.org>");

    @Test
    void aMessageEncryptedToTheProgramsKeyIsAccepted() {
        String message =
                OpenPgpRecipient.of(PROGRAM_KEY).encrypt("Heap overflow in the frame decoder.");

        assertThat(ArmoredMessage.looksArmored("\n" + message)).isTrue();
        assertThat(ArmoredMessage.refusal(message, PROGRAM_KEY)).isEmpty();
    }

    @Test
    void aMessageEncryptedToAnotherKeyIsRefusedBecauseNobodyHereCouldReadIt() {
        String message =
                OpenPgpRecipient.of(certificate("Someone else <s@example.org>"))
                        .encrypt("Secret details");

        assertThat(ArmoredMessage.refusal(message, PROGRAM_KEY))
                .contains("encrypted to a key that is not this program's");
    }

    @Test
    void armorThatIsNotOpenPgpIsRefused() {
        String valid = OpenPgpRecipient.of(PROGRAM_KEY).encrypt("x");
        String corrupted = valid.replaceFirst("\n([A-Za-z0-9+/]{10})", "\nAAAAAAAAAA");

        assertThat(ArmoredMessage.refusal(corrupted, PROGRAM_KEY))
                .contains("not a valid OpenPGP message");
        assertThat(
                        ArmoredMessage.refusal(
                                "-----BEGIN PGP MESSAGE-----\n\n"
                                        + "not base64 !\n"
                                        + "-----END PGP MESSAGE-----",
                                PROGRAM_KEY))
                .contains("not a valid OpenPGP message");
    }

    @Test
    void aMessageEncryptedOnlyWithAPassphraseIsRefused() throws Exception {
        ByteArrayOutputStream armored = new ByteArrayOutputStream();
        EncryptionOptions toPassphraseOnly =
                EncryptionOptions.get().addMessagePassphrase(Passphrase.fromPassword("hunter2"));
        try (EncryptionStream encryption =
                PGPainless.encryptAndOrSign()
                        .onOutputStream(armored)
                        .withOptions(ProducerOptions.encrypt(toPassphraseOnly))) {
            encryption.write("x".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(ArmoredMessage.refusal(armored.toString(StandardCharsets.US_ASCII), PROGRAM_KEY))
                .contains("not encrypted to a public key");
    }

    @Test
    void withoutAReadableProgramKeyNothingEncryptedIsAccepted() {
        String message = OpenPgpRecipient.of(PROGRAM_KEY).encrypt("x");

        assertThat(ArmoredMessage.refusal(message, null))
                .contains("this program publishes no OpenPGP key to encrypt to");
        assertThat(
                        ArmoredMessage.refusal(
                                message,
                                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot base64 !\n"
                                        + "-----END PGP PUBLIC KEY BLOCK-----"))
                .contains("this program's published key cannot be read");
    }

    private static String certificate(String userId) {
        return PGPainless.asciiArmor(
                PGPainless.extractCertificate(PGPainless.generateKeyRing().modernKeyRing(userId)));
    }
}
