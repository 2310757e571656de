package dev.embargo.intake.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;

/**
 * OpenPGP keys as a researcher's or a team's tool makes them (a certification key with a user id
 * and an encryption subkey), and messages encrypted to them, for the tests of encrypted reports and
 * reporter keys.
 */
public record OpenPgpKeys(PGPPublicKeyRing publicKeys) {

    public static OpenPgpKeys generate(String userId) {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            Date now = new Date();
            PGPKeyPair certification =
                    new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), now);
            PGPKeyPair encryption =
                    new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), now);
            PGPSignatureSubpacketGenerator primary = new PGPSignatureSubpacketGenerator();
            primary.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            PGPSignatureSubpacketGenerator subkey = new PGPSignatureSubpacketGenerator();
            subkey.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
            PGPDigestCalculator sha1 =
                    new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
            JcaPGPContentSignerBuilder signer =
                    new JcaPGPContentSignerBuilder(
                            certification.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256);
            PGPKeyRingGenerator generator =
                    new PGPKeyRingGenerator(
                            PGPSignature.POSITIVE_CERTIFICATION,
                            certification,
                            userId,
                            sha1,
                            primary.generate(),
                            null,
                            signer,
                            null);
            generator.addSubKey(encryption, subkey.generate(), null);
            return new OpenPgpKeys(generator.generatePublicKeyRing());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot generate an OpenPGP key", e);
        }
    }

    /** The public keys in ASCII armor. */
    public String armored() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(out)) {
            publicKeys.encode(armor);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** The primary key's fingerprint, upper-case hex. */
    public String fingerprint() {
        return HexFormat.of()
                .formatHex(publicKeys.getPublicKey().getFingerprint())
                .toUpperCase(Locale.ROOT);
    }

    /** The text as an armored OpenPGP message, AES-256, to the encryption subkey. */
    public String encrypt(String text) {
        PGPPublicKey recipient = publicKeys.getPublicKeys().next();
        for (PGPPublicKey key : publicKeys) {
            if (key.isEncryptionKey() && !key.isMasterKey()) {
                recipient = key;
            }
        }
        PGPEncryptedDataGenerator encryptor =
                new PGPEncryptedDataGenerator(
                        new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                                .setWithIntegrityPacket(true)
                                .setSecureRandom(new SecureRandom()));
        encryptor.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(recipient));
        ByteArrayOutputStream armored = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(armored);
                OutputStream encrypted = encryptor.open(armor, new byte[4096]);
                OutputStream literal =
                        new PGPLiteralDataGenerator()
                                .open(
                                        encrypted,
                                        PGPLiteralData.UTF8,
                                        "report.txt",
                                        new Date(),
                                        new byte[4096])) {
            literal.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
        return armored.toString(StandardCharsets.US_ASCII);
    }
}
