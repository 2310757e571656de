package dev.embargo.advisory.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;

/**
 * An OpenPGP signing key and the detached signatures it makes: the {@code .asc} files beside
 * each CSAF document (CSAF 2.0 §7.1.18). Bouncy Castle does the OpenPGP.
 */
public final class OpenPgpSigner {

    private final PGPSecretKey secretKey;
    private final PGPPrivateKey privateKey;

    private OpenPgpSigner(PGPSecretKey secretKey, PGPPrivateKey privateKey) {
        this.secretKey = secretKey;
        this.privateKey = privateKey;
    }

    /** Reads an ASCII-armored secret key; its first signing-capable key signs. */
    public static OpenPgpSigner of(String armoredSecretKey, String passphrase) {
        try (InputStream in = PGPUtil.getDecoderStream(
                new ByteArrayInputStream(armoredSecretKey.getBytes(StandardCharsets.US_ASCII)))) {
            PGPSecretKeyRing ring = new PGPSecretKeyRing(in, new JcaKeyFingerprintCalculator());
            for (PGPSecretKey key : ring) {
                if (key.isSigningKey()) {
                    PGPPrivateKey privateKey = key.extractPrivateKey(new JcePBESecretKeyDecryptorBuilder(
                            new JcaPGPDigestCalculatorProviderBuilder().build())
                            .build(passphrase == null ? new char[0] : passphrase.toCharArray()));
                    return new OpenPgpSigner(key, privateKey);
                }
            }
            throw new IllegalArgumentException("The OpenPGP key has no signing key");
        } catch (IOException | PGPException e) {
            throw new IllegalArgumentException("Not a usable ASCII-armored OpenPGP secret key: " + e.getMessage(), e);
        }
    }

    /** A new RSA-3072 key for {@code userId}, unprotected: the caller seals it before it is stored. */
    public static String generateArmoredSecretKey(String userId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            PGPKeyPair pair = new JcaPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), new Date());
            PGPSignatureSubpacketGenerator flags = new PGPSignatureSubpacketGenerator();
            flags.setKeyFlags(false, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId,
                    new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1), flags.generate(), null,
                    new JcaPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256), null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armored = ArmoredOutputStream.builder().build(out)) {
                rings.generateSecretKeyRing().encode(armored);
            }
            return out.toString(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | PGPException | IOException e) {
            throw new IllegalStateException("Could not generate an OpenPGP signing key", e);
        }
    }

    /** The detached, ASCII-armored signature of {@code content} (UTF-8), SHA-512. */
    public String sign(String content) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new JcaPGPContentSignerBuilder(secretKey.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512),
                    secretKey.getPublicKey());
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            generator.update(content.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armored = ArmoredOutputStream.builder().build(out)) {
                generator.generate().encode(armored);
            }
            return out.toString(StandardCharsets.US_ASCII);
        } catch (PGPException | IOException e) {
            throw new IllegalStateException("Could not sign", e);
        }
    }

    /** The public key, ASCII-armored, as readers fetch it to check the signatures. */
    public String armoredPublicKey() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armored = ArmoredOutputStream.builder().build(out)) {
                secretKey.getPublicKey().encode(armored);
            }
            return out.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("Could not armor the public key", e);
        }
    }

    /** The signing key's fingerprint, upper-case hex. */
    public String fingerprint() {
        return HexFormat.of().formatHex(secretKey.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT);
    }
}
