package dev.embargo.advisory.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenPgpSignerTest {

    private static OpenPgpSigner signer;

    @BeforeAll
    static void generateOnce() {
        signer = OpenPgpSigner.of(OpenPgpSigner.generateArmoredSecretKey("Test <test@example.org>"), "");
    }

    @Test
    void aDetachedSignatureVerifiesWithThePublishedPublicKey() throws Exception {
        String document = "{\"document\":{\"title\":\"Ünïcode survives\"}}\n";

        assertThat(verifies(signer.sign(document), signer.armoredPublicKey(), document)).isTrue();
    }

    @Test
    void theSignatureDoesNotVerifyAChangedDocument() throws Exception {
        String signature = signer.sign("{\"a\":1}");

        assertThat(verifies(signature, signer.armoredPublicKey(), "{\"a\":2}")).isFalse();
    }

    @Test
    void theFingerprintIsFortyUpperCaseHexDigits() {
        assertThat(signer.fingerprint()).matches("[0-9A-F]{40}");
    }

    static boolean verifies(String armoredSignature, String armoredPublicKey, String content) throws Exception {
        PGPPublicKey key;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoredPublicKey.getBytes(StandardCharsets.US_ASCII)))) {
            key = new PGPPublicKeyRing(in, new JcaKeyFingerprintCalculator()).getPublicKey();
        }
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoredSignature.getBytes(StandardCharsets.US_ASCII)))) {
            PGPSignature signature = ((PGPSignatureList) new JcaPGPObjectFactory(in).nextObject()).get(0);
            signature.init(new JcaPGPContentVerifierBuilderProvider(), key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify();
        }
    }
}
