package dev.embargo.e2e.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.pgpainless.PGPainless;
import org.pgpainless.decryption_verification.ConsumerOptions;
import org.pgpainless.decryption_verification.DecryptionStream;
import org.pgpainless.encryption_signing.EncryptionOptions;
import org.pgpainless.encryption_signing.EncryptionStream;
import org.pgpainless.encryption_signing.ProducerOptions;
import org.pgpainless.key.OpenPgpFingerprint;

/**
 * Someone's OpenPGP key — a program team's or a reporter's — as today's tools make it (PGPainless's
 * modern template, the algorithms of GnuPG's default: an Ed25519 certification key with the user
 * id, Ed25519 signing and X25519 encryption subkeys, all self-signed), so that a browser's OpenPGP
 * library and the platform accept it as a recipient; with what others do with it (encrypt to it)
 * and what its owner does (read what was encrypted to it).
 */
public final class OpenPgpKeyPair {

    private final PGPSecretKeyRing secretKeys;
    private final PGPPublicKeyRing certificate;

    private OpenPgpKeyPair(PGPSecretKeyRing secretKeys) {
        this.secretKeys = secretKeys;
        this.certificate = PGPainless.extractCertificate(secretKeys);
    }

    public static OpenPgpKeyPair generate(String userId) {
        return new OpenPgpKeyPair(PGPainless.generateKeyRing().modernKeyRing(userId));
    }

    /** The public keys in ASCII armor, as their owner publishes them. */
    public String armoredPublicKey() {
        return PGPainless.asciiArmor(certificate);
    }

    /** The primary key's fingerprint, upper-case hex. */
    public String fingerprint() {
        return OpenPgpFingerprint.of(certificate).toString();
    }

    /**
     * What a researcher's OpenPGP tool makes of {@code text} for this key's owner: an armored,
     * encrypted message.
     */
    public String encryptTo(String text) throws IOException, PGPException {
        ByteArrayOutputStream armored = new ByteArrayOutputStream();
        try (EncryptionStream encryption =
                PGPainless.encryptAndOrSign()
                        .onOutputStream(armored)
                        .withOptions(
                                ProducerOptions.encrypt(
                                        EncryptionOptions.get().addRecipient(certificate)))) {
            encryption.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return armored.toString(StandardCharsets.US_ASCII);
    }

    /** The text of an armored message encrypted to this key (fails if it was not). */
    public String decrypt(String armored) throws IOException, PGPException {
        DecryptionStream clear =
                PGPainless.decryptAndOrVerify()
                        .onInputStream(
                                new ByteArrayInputStream(
                                        armored.strip().getBytes(StandardCharsets.US_ASCII)))
                        .withOptions(ConsumerOptions.get().addDecryptionKey(secretKeys));
        String text = new String(clear.readAllBytes(), StandardCharsets.UTF_8);
        clear.close();
        if (!clear.getMetadata().isEncryptedFor(secretKeys)) {
            throw new PGPException("not encrypted to this key");
        }
        return text;
    }
}
