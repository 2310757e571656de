package dev.embargo.kit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String OLD_KEY = "k1:" + randomKey();
    private static final String NEW_KEY = "k2:" + randomKey();

    @Test
    void sealedTextOpensToTheOriginalAndDoesNotContainIt() {
        FieldCipher cipher = FieldCipher.fromKeyList(OLD_KEY);

        String sealed = cipher.seal("RCE in the parser via crafted header");

        assertThat(sealed).startsWith("enc:v1:k1:").doesNotContain("parser");
        assertThat(cipher.open(sealed)).isEqualTo("RCE in the parser via crafted header");
    }

    @Test
    void sealedBytesOpenToTheOriginalUnderARotatedKeyAndRefuseTampering() {
        byte[] content =
                "%PDF-1.7 proof of concept".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sealed = FieldCipher.fromKeyList(OLD_KEY).sealBytes(content);
        FieldCipher rotated = FieldCipher.fromKeyList(NEW_KEY + "," + OLD_KEY);

        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("k1:")
                .doesNotContain("proof");
        assertThat(rotated.openBytes(sealed)).isEqualTo(content);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> rotated.openBytes(sealed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                FieldCipher.fromKeyList(NEW_KEY)
                                        .openBytes(
                                                FieldCipher.fromKeyList(OLD_KEY)
                                                        .sealBytes(content)))
                .hasMessageContaining("unknown key");
    }

    @Test
    void aFieldOlderVersionsKeptPlainIsSealedOnceAndReadEitherWay() {
        FieldCipher cipher = FieldCipher.fromKeyList(OLD_KEY);

        String sealed = cipher.sealIfPlain("Ada L.");

        assertThat(sealed).startsWith("enc:v1:k1:").doesNotContain("Ada");
        assertThat(cipher.sealIfPlain(sealed)).isEqualTo(sealed);
        assertThat(cipher.openIfSealed(sealed)).isEqualTo("Ada L.");
        assertThat(cipher.openIfSealed("Ada L.")).isEqualTo("Ada L.");
        assertThat(cipher.sealIfPlain(null)).isNull();
        assertThat(cipher.openIfSealed(null)).isNull();
    }

    @Test
    void sealingTheSameTextTwiceGivesDifferentCiphertexts() {
        FieldCipher cipher = FieldCipher.fromKeyList(OLD_KEY);

        assertThat(cipher.seal("same")).isNotEqualTo(cipher.seal("same"));
    }

    @Test
    void afterRotationNewValuesUseTheNewKeyAndOldValuesStillOpen() {
        String sealedBefore = FieldCipher.fromKeyList(OLD_KEY).seal("before rotation");
        FieldCipher rotated = FieldCipher.fromKeyList(NEW_KEY + "," + OLD_KEY);

        assertThat(rotated.seal("after")).startsWith("enc:v1:k2:");
        assertThat(rotated.open(sealedBefore)).isEqualTo("before rotation");
    }

    @Test
    void tamperedCiphertextIsRefused() {
        FieldCipher cipher = FieldCipher.fromKeyList(OLD_KEY);
        String sealed = cipher.seal("integrity matters");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered =
                sealed.substring(0, sealed.length() - 3)
                        + (last == 'A' ? 'B' : 'A')
                        + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> cipher.open(tampered))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesSealedWithAnUnknownKeyAreRefused() {
        String sealed = FieldCipher.fromKeyList(NEW_KEY).seal("secret");

        assertThatThrownBy(() -> FieldCipher.fromKeyList(OLD_KEY).open(sealed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key");
    }

    @Test
    void malformedKeyConfigurationIsRefusedWithoutEchoingTheKey() {
        assertThatThrownBy(() -> FieldCipher.fromKeyList("k1:c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Encryption key k1 must be 32 bytes");
        assertThatThrownBy(() -> FieldCipher.fromKeyList(""))
                .hasMessageContaining("EMBARGO_ENCRYPTION_KEYS");
    }

    @Test
    void nullStaysNull() {
        FieldCipher cipher = FieldCipher.fromKeyList(OLD_KEY);

        assertThat(cipher.seal(null)).isNull();
        assertThat(cipher.open(null)).isNull();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
