package dev.embargo.kit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.jupiter.api.Test;
import org.pgpainless.PGPainless;
import org.pgpainless.algorithm.KeyFlag;
import org.pgpainless.algorithm.SymmetricKeyAlgorithm;
import org.pgpainless.decryption_verification.ConsumerOptions;
import org.pgpainless.decryption_verification.DecryptionStream;
import org.pgpainless.decryption_verification.MessageMetadata;
import org.pgpainless.exception.MissingDecryptionMethodException;
import org.pgpainless.key.OpenPgpFingerprint;
import org.pgpainless.key.generation.KeySpec;
import org.pgpainless.key.generation.type.KeyType;
import org.pgpainless.key.generation.type.eddsa_legacy.EdDSALegacyCurve;
import org.pgpainless.key.protection.SecretKeyRingProtector;

class OpenPgpRecipientTest {

    private static final String TEXT = "Your report EMB-2026-00042 was accepted.";
    private static final PGPSecretKeyRing REPORTER =
            PGPainless.generateKeyRing().modernKeyRing("Reporter <r@example.org>");

    @Test
    void textEncryptedToTheKeyOpensWithItsPrivateKeyAsAes256UncompressedAndNeverShowsThePlaintext()
            throws Exception {
        String message = OpenPgpRecipient.of(armoredCertificate(REPORTER)).encrypt(TEXT);

        assertThat(message).startsWith("-----BEGIN PGP MESSAGE-----").doesNotContain("accepted");
        DecryptionStream clear = decryption(message, REPORTER);
        assertThat(new String(clear.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        clear.close();
        MessageMetadata metadata = clear.getMetadata();
        assertThat(metadata.getEncryptionAlgorithm()).isEqualTo(SymmetricKeyAlgorithm.AES_256);
        assertThat(metadata.getCompressionAlgorithm()).isNull();
    }

    @Test
    void anotherKeyCannotOpenTheText() {
        String message = OpenPgpRecipient.of(armoredCertificate(REPORTER)).encrypt(TEXT);
        PGPSecretKeyRing someoneElse =
                PGPainless.generateKeyRing().modernKeyRing("Someone else <s@example.org>");

        assertThatThrownBy(() -> decryption(message, someoneElse).readAllBytes())
                .isInstanceOf(MissingDecryptionMethodException.class);
    }

    @Test
    void theFingerprintIsTheCertificatesAsTheOwnersToolShowsIt() {
        String certificate = OpenPgpFingerprint.of(REPORTER).toString();

        assertThat(OpenPgpRecipient.of(armoredCertificate(REPORTER)).fingerprint())
                .matches("[0-9A-F]{40}")
                .isEqualTo(certificate);
    }

    @Test
    void aRevokedKeyIsRefused() throws Exception {
        PGPSecretKeyRing key = PGPainless.generateKeyRing().modernKeyRing("Gone <g@example.org>");
        PGPSecretKeyRing revoked =
                PGPainless.modifyKeyRing(key)
                        .revoke(SecretKeyRingProtector.unprotectedKeys())
                        .done();

        assertThatThrownBy(() -> OpenPgpRecipient.of(armoredCertificate(revoked)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no valid encryption key");
    }

    @Test
    void anExpiredKeyIsRefused() throws IOException {
        // Made with PGPainless: a certificate that expired a day after it was created.
        String expired;
        try (InputStream in = getClass().getResourceAsStream("/openpgp/expired-certificate.asc")) {
            expired = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }

        assertThatThrownBy(() -> OpenPgpRecipient.of(expired))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no valid encryption key");
    }

    @Test
    void aSignOnlyKeyIsRefused() throws Exception {
        PGPSecretKeyRing signOnly =
                PGPainless.buildKeyRing()
                        .setPrimaryKey(
                                KeySpec.getBuilder(
                                        KeyType.EDDSA_LEGACY(EdDSALegacyCurve._Ed25519),
                                        KeyFlag.CERTIFY_OTHER,
                                        KeyFlag.SIGN_DATA))
                        .addUserId("Signer <s@example.org>")
                        .build();

        assertThatThrownBy(() -> OpenPgpRecipient.of(armoredCertificate(signOnly)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no valid encryption key");
    }

    @Test
    void somethingThatIsNoPublicKeyIsRefusedWithAReason() {
        assertThatThrownBy(() -> OpenPgpRecipient.of("ssh-ed25519 AAAA..."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an ASCII-armored");
        assertThatThrownBy(
                        () ->
                                OpenPgpRecipient.of(
                                        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n"
                                                + "not base64 at all\n"
                                                + "-----END PGP PUBLIC KEY BLOCK-----\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String armoredCertificate(PGPSecretKeyRing key) {
        return PGPainless.asciiArmor(PGPainless.extractCertificate(key));
    }

    private static DecryptionStream decryption(String message, PGPSecretKeyRing key)
            throws Exception {
        return PGPainless.decryptAndOrVerify()
                .onInputStream(
                        new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)))
                .withOptions(ConsumerOptions.get().addDecryptionKey(key));
    }
}
