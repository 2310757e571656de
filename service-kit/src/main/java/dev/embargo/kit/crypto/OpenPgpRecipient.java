package dev.embargo.kit.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.pgpainless.PGPainless;
import org.pgpainless.algorithm.CompressionAlgorithm;
import org.pgpainless.algorithm.EncryptionPurpose;
import org.pgpainless.algorithm.SymmetricKeyAlgorithm;
import org.pgpainless.encryption_signing.EncryptionOptions;
import org.pgpainless.encryption_signing.EncryptionStream;
import org.pgpainless.encryption_signing.ProducerOptions;
import org.pgpainless.key.OpenPgpFingerprint;
import org.pgpainless.key.info.KeyRingInfo;

/**
 * Someone's OpenPGP public key, as they gave it in ASCII armor, and what the platform does with it:
 * checks it can encrypt to it, names it by fingerprint, encrypts text to it (PGPainless). Only a
 * key its certificate validly binds for encryption counts, so expired and revoked keys, and keys
 * without self-signatures, are refused: nothing is sent to a key its owner gave up.
 */
public final class OpenPgpRecipient {

    private final PGPPublicKeyRing certificate;
    private final PGPPublicKey encryptionKey;

    private OpenPgpRecipient(PGPPublicKeyRing certificate, PGPPublicKey encryptionKey) {
        this.certificate = certificate;
        this.encryptionKey = encryptionKey;
    }

    /**
     * The first usable encryption key of the armored key.
     *
     * @throws IllegalArgumentException with a reason fit to show the key's owner
     */
    public static OpenPgpRecipient of(String armoredPublicKey) {
        if (armoredPublicKey == null
                || !armoredPublicKey.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
            throw new IllegalArgumentException("not an ASCII-armored OpenPGP public key");
        }
        PGPPublicKeyRingCollection certificates;
        try {
            certificates = PGPainless.readKeyRing().publicKeyRingCollection(armoredPublicKey);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the OpenPGP public key cannot be read");
        }
        for (PGPPublicKeyRing certificate : certificates) {
            // Asked first: the subkey list alone still offers the subkeys of a revoked certificate.
            KeyRingInfo info = PGPainless.inspectKeyRing(certificate);
            if (info.isUsableForEncryption(EncryptionPurpose.ANY)) {
                return new OpenPgpRecipient(
                        certificate, info.getEncryptionSubkeys(EncryptionPurpose.ANY).get(0));
            }
        }
        throw new IllegalArgumentException(
                "the OpenPGP key has no valid encryption key (expired, revoked or sign-only)");
    }

    /**
     * The certificate's (primary key's) fingerprint, upper-case hex: the one its owner's tool shows
     * ({@code gpg --fingerprint}) and compares, whichever subkey encrypts.
     */
    public String fingerprint() {
        return OpenPgpFingerprint.of(certificate).toString();
    }

    /**
     * {@code text} as an ASCII-armored OpenPGP message (AES-256, integrity-protected) only this
     * key's owner can read. Not compressed (PGPainless would ZIP by default): short emails gain
     * nothing, and compression makes a message's length depend on what it says.
     */
    public String encrypt(String text) {
        ByteArrayOutputStream armored = new ByteArrayOutputStream();
        try (EncryptionStream encryption =
                PGPainless.encryptAndOrSign()
                        .onOutputStream(armored)
                        .withOptions(
                                ProducerOptions.encrypt(
                                                EncryptionOptions.get()
                                                        .overrideEncryptionAlgorithm(
                                                                SymmetricKeyAlgorithm.AES_256)
                                                        .addRecipient(
                                                                certificate,
                                                                capableKeys ->
                                                                        List.of(encryptionKey)))
                                        .overrideCompressionAlgorithm(
                                                CompressionAlgorithm.UNCOMPRESSED)
                                        .setAsciiArmor(true))) {
            encryption.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("OpenPGP encryption failed: " + e.getMessage(), e);
        }
        return armored.toString(StandardCharsets.US_ASCII);
    }
}
