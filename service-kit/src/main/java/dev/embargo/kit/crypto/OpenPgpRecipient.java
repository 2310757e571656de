package dev.embargo.kit.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;

/**
 * Someone's OpenPGP public key, as they gave it in ASCII armor, and what the platform does with
 * it: checks it can encrypt to it, names it by fingerprint, encrypts text to it (Bouncy Castle).
 * Expired and revoked keys are refused, so nothing is sent to a key its owner gave up.
 */
public final class OpenPgpRecipient {

    private final PGPPublicKey encryptionKey;

    private OpenPgpRecipient(PGPPublicKey encryptionKey) {
        this.encryptionKey = encryptionKey;
    }

    /**
     * The first usable encryption key of the armored key.
     *
     * @throws IllegalArgumentException with a reason fit to show the key's owner
     */
    public static OpenPgpRecipient of(String armoredPublicKey) {
        if (armoredPublicKey == null || !armoredPublicKey.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
            throw new IllegalArgumentException("not an ASCII-armored OpenPGP public key");
        }
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoredPublicKey.getBytes(StandardCharsets.US_ASCII)))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
            for (Iterator<PGPPublicKeyRing> keyRings = rings.getKeyRings(); keyRings.hasNext(); ) {
                for (Iterator<PGPPublicKey> keys = keyRings.next().getPublicKeys(); keys.hasNext(); ) {
                    PGPPublicKey key = keys.next();
                    if (key.isEncryptionKey() && !key.hasRevocation() && !expired(key)) {
                        return new OpenPgpRecipient(key);
                    }
                }
            }
        } catch (IOException | PGPException | RuntimeException e) {
            throw new IllegalArgumentException("the OpenPGP public key cannot be read");
        }
        throw new IllegalArgumentException("the OpenPGP key has no valid encryption key (expired, revoked or sign-only)");
    }

    /** The encryption key's fingerprint, upper-case hex. */
    public String fingerprint() {
        return HexFormat.of().formatHex(encryptionKey.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** {@code text} as an ASCII-armored OpenPGP message (AES-256, integrity-protected) only this key's owner can read. */
    public String encrypt(String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream armored = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(armored)) {
            PGPEncryptedDataGenerator encrypted = new PGPEncryptedDataGenerator(
                    new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
                            .setSecureRandom(new SecureRandom()).setProvider(BouncyCastleProviders.provider()));
            encrypted.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(encryptionKey).setProvider(BouncyCastleProviders.provider()));
            try (OutputStream cipher = encrypted.open(armor, new byte[1 << 14]);
                 OutputStream literal = new PGPLiteralDataGenerator().open(cipher, PGPLiteralData.UTF8, PGPLiteralData.CONSOLE,
                         plain.length, new Date())) {
                literal.write(plain);
            }
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("OpenPGP encryption failed: " + e.getMessage(), e);
        }
        return armored.toString(StandardCharsets.US_ASCII);
    }

    private static boolean expired(PGPPublicKey key) {
        long validSeconds = key.getValidSeconds();
        return validSeconds > 0 && key.getCreationTime().getTime() + validSeconds * 1000 < System.currentTimeMillis();
    }

    /** One Bouncy Castle JCA provider for the whole process, without registering it globally. */
    private static final class BouncyCastleProviders {
        private static final java.security.Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();

        static java.security.Provider provider() {
            return PROVIDER;
        }
    }
}
