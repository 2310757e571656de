package dev.embargo.advisory.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.pgpainless.PGPainless;
import org.pgpainless.algorithm.DocumentSignatureType;
import org.pgpainless.algorithm.HashAlgorithm;
import org.pgpainless.algorithm.KeyFlag;
import org.pgpainless.encryption_signing.EncryptionStream;
import org.pgpainless.encryption_signing.ProducerOptions;
import org.pgpainless.encryption_signing.SigningOptions;
import org.pgpainless.key.OpenPgpFingerprint;
import org.pgpainless.key.generation.KeySpec;
import org.pgpainless.key.generation.type.KeyType;
import org.pgpainless.key.generation.type.rsa.RsaLength;
import org.pgpainless.key.protection.SecretKeyRingProtector;
import org.pgpainless.key.protection.UnlockSecretKey;
import org.pgpainless.util.Passphrase;

/**
 * An OpenPGP signing key and the detached signatures it makes: the {@code .asc} files beside each
 * CSAF document (CSAF 2.0 §7.1.18). PGPainless does the OpenPGP.
 */
public final class OpenPgpSigner {

    private final PGPSecretKeyRing key;
    private final long signingKeyId;
    private final SecretKeyRingProtector protector;

    private OpenPgpSigner(
            PGPSecretKeyRing key, long signingKeyId, SecretKeyRingProtector protector) {
        this.key = key;
        this.signingKeyId = signingKeyId;
        this.protector = protector;
    }

    /**
     * Reads an ASCII-armored secret key; its first signing-capable key signs. That key is unlocked
     * here once, so that a wrong passphrase shows when the key is loaded rather than at the first
     * signature.
     */
    public static OpenPgpSigner of(String armoredSecretKey, String passphrase) {
        try {
            PGPSecretKeyRing key = PGPainless.readKeyRing().secretKeyRing(armoredSecretKey);
            if (key == null) {
                throw new IllegalArgumentException("Not an ASCII-armored OpenPGP secret key");
            }
            List<PGPPublicKey> signingKeys = PGPainless.inspectKeyRing(key).getSigningSubkeys();
            if (signingKeys.isEmpty()) {
                throw new IllegalArgumentException("The OpenPGP key has no signing key");
            }
            long signingKeyId = signingKeys.get(0).getKeyID();
            SecretKeyRingProtector protector =
                    SecretKeyRingProtector.unlockAnyKeyWith(
                            Passphrase.fromPassword(passphrase == null ? "" : passphrase));
            UnlockSecretKey.unlockSecretKey(key.getSecretKey(signingKeyId), protector);
            return new OpenPgpSigner(key, signingKeyId, protector);
        } catch (IOException | PGPException e) {
            throw new IllegalArgumentException(
                    "Not a usable ASCII-armored OpenPGP secret key: " + e.getMessage(), e);
        }
    }

    /**
     * A new RSA-3072 key for {@code userId}, unprotected: the caller seals it before it is stored.
     */
    public static String generateArmoredSecretKey(String userId) {
        return PGPainless.asciiArmor(
                PGPainless.buildKeyRing()
                        .setPrimaryKey(
                                KeySpec.getBuilder(
                                        KeyType.RSA(RsaLength._3072),
                                        KeyFlag.CERTIFY_OTHER,
                                        KeyFlag.SIGN_DATA))
                        .addUserId(userId)
                        .build());
    }

    /** The detached, ASCII-armored signature of {@code content} (UTF-8), SHA-512. */
    public String sign(String content) {
        try {
            EncryptionStream signing =
                    PGPainless.encryptAndOrSign()
                            .onOutputStream(OutputStream.nullOutputStream())
                            .withOptions(
                                    ProducerOptions.sign(
                                                    SigningOptions.get()
                                                            .overrideHashAlgorithm(
                                                                    HashAlgorithm.SHA512)
                                                            .addDetachedSignature(
                                                                    protector,
                                                                    key,
                                                                    signingKeyId,
                                                                    DocumentSignatureType
                                                                            .BINARY_DOCUMENT))
                                            .setAsciiArmor(false));
            signing.write(content.getBytes(StandardCharsets.UTF_8));
            signing.close();
            return PGPainless.asciiArmor(
                    signing.getResult().getDetachedSignatures().flatten().iterator().next());
        } catch (PGPException | IOException e) {
            throw new IllegalStateException("Could not sign", e);
        }
    }

    /**
     * The public key (the certificate), ASCII-armored, as readers fetch it to check the signatures.
     */
    public String armoredPublicKey() {
        return PGPainless.asciiArmor(PGPainless.extractCertificate(key));
    }

    /** The key's fingerprint, upper-case hex. */
    public String fingerprint() {
        return OpenPgpFingerprint.of(key).toString();
    }
}
