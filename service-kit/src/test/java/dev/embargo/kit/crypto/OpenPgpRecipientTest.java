package dev.embargo.kit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;
import org.junit.jupiter.api.Test;

class OpenPgpRecipientTest {

    @Test
    void textEncryptedToTheKeyOpensOnlyWithItsPrivateKeyAndNeverShowsThePlaintext() throws Exception {
        PGPKeyPair pair = rsaKeyPair();
        OpenPgpRecipient recipient = OpenPgpRecipient.of(armored(pair.getPublicKey()));

        String message = recipient.encrypt("Your report EMB-2026-00042 was accepted.");

        assertThat(message).startsWith("-----BEGIN PGP MESSAGE-----").doesNotContain("accepted");
        assertThat(decrypt(message, pair)).isEqualTo("Your report EMB-2026-00042 was accepted.");
        assertThat(recipient.fingerprint()).matches("[0-9A-F]{40}");
    }

    @Test
    void somethingThatIsNoPublicKeyIsRefusedWithAReason() {
        assertThatThrownBy(() -> OpenPgpRecipient.of("ssh-ed25519 AAAA..."))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an ASCII-armored");
        assertThatThrownBy(() -> OpenPgpRecipient.of("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot base64 at all\n"
                + "-----END PGP PUBLIC KEY BLOCK-----\n")).isInstanceOf(IllegalArgumentException.class);
    }

    static PGPKeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, generator.generateKeyPair(), new Date());
    }

    static String armored(PGPPublicKey key) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(out)) {
            key.encode(armor);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    static String decrypt(String armoredMessage, PGPKeyPair pair) throws Exception {
        InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoredMessage.getBytes(StandardCharsets.US_ASCII)));
        PGPEncryptedDataList list = (PGPEncryptedDataList) new JcaPGPObjectFactory(in).nextObject();
        PGPPublicKeyEncryptedData data = (PGPPublicKeyEncryptedData) list.get(0);
        InputStream clear = data.getDataStream(new JcePublicKeyDataDecryptorFactoryBuilder()
                .setProvider(new BouncyCastleProvider()).build(pair.getPrivateKey()));
        PGPLiteralData literal = (PGPLiteralData) new JcaPGPObjectFactory(clear).nextObject();
        return new String(literal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
