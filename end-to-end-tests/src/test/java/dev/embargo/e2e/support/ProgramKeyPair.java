package dev.embargo.e2e.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;

/**
 * A program team's OpenPGP key as a real tool makes it — a certification key with the team's user
 * id and an encryption subkey, both self-signed — so that a browser's OpenPGP library accepts it as
 * a recipient; and the team's side: reading what was encrypted to it.
 */
public final class ProgramKeyPair {

    private final PGPSecretKeyRing secretKeys;
    private final PGPPublicKeyRing publicKeys;

    private ProgramKeyPair(PGPSecretKeyRing secretKeys) {
        this.secretKeys = secretKeys;
        this.publicKeys = new PGPPublicKeyRing(java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(secretKeys.getPublicKeys(), 0), false).toList());
    }

    public static ProgramKeyPair generate(String userId) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Date now = new Date();
        PGPKeyPair certification = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), now);
        PGPKeyPair encryption = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), now);

        PGPSignatureSubpacketGenerator primary = new PGPSignatureSubpacketGenerator();
        primary.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        primary.setPreferredSymmetricAlgorithms(false, new int[] {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128});
        primary.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA512});
        primary.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
        PGPSignatureSubpacketGenerator subkey = new PGPSignatureSubpacketGenerator();
        subkey.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);

        PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
        PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, certification, userId,
                sha1, primary.generate(), null,
                new JcaPGPContentSignerBuilder(certification.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256), null);
        generator.addSubKey(encryption, subkey.generate(), null);
        return new ProgramKeyPair(generator.generateSecretKeyRing());
    }

    /** The public keys in ASCII armor, as a program publishes them. */
    public String armoredPublicKey() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(out)) {
            publicKeys.encode(armor);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    public String fingerprint() {
        return HexFormat.of().formatHex(publicKeys.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** The text of an armored message encrypted to this key (fails if it was not). */
    public String decrypt(String armored) throws IOException, PGPException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.strip().getBytes(StandardCharsets.US_ASCII)))) {
            JcaPGPObjectFactory objects = new JcaPGPObjectFactory(in);
            Object first = objects.nextObject();
            if (first instanceof PGPMarker) {
                first = objects.nextObject();
            }
            for (Object data : (PGPEncryptedDataList) first) {
                if (data instanceof PGPPublicKeyEncryptedData encrypted) {
                    PGPSecretKey key = secretKeys.getSecretKey(encrypted.getKeyID());
                    if (key != null) {
                        InputStream clear = encrypted.getDataStream(new JcePublicKeyDataDecryptorFactoryBuilder()
                                .build(key.extractPrivateKey(null)));
                        return literalText(new JcaPGPObjectFactory(clear).nextObject());
                    }
                }
            }
            throw new PGPException("not encrypted to this key");
        }
    }

    private static String literalText(Object packet) throws IOException, PGPException {
        if (packet instanceof PGPCompressedData compressed) {
            return literalText(new JcaPGPObjectFactory(compressed.getDataStream()).nextObject());
        }
        try (InputStream literal = ((PGPLiteralData) packet).getInputStream()) {
            return new String(literal.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
