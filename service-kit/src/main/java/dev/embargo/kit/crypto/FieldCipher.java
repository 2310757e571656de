package dev.embargo.kit.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals sensitive text (report titles, descriptions, reporter addresses) with AES-256-GCM, in the
 * database and in events alike. The sealed form names its key, so keys can rotate: the first
 * configured key seals, every configured key opens.
 *
 * <p>Sealed form: {@code enc:v1:<keyId>:<base64(12-byte IV | ciphertext | 16-byte tag)>}.
 */
public final class FieldCipher {

    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys;
    private final String sealingKeyId;

    private FieldCipher(Map<String, SecretKey> keys) {
        this.keys = keys;
        this.sealingKeyId = keys.keySet().iterator().next();
    }

    /**
     * Parses {@code keyId:base64Key[,keyId:base64Key...]}; every key must be 32 bytes.
     *
     * @throws IllegalArgumentException without repeating any key material
     */
    public static FieldCipher fromKeyList(String keyList) {
        if (keyList == null || keyList.isBlank()) {
            throw new IllegalArgumentException(
                    "No encryption keys configured (EMBARGO_ENCRYPTION_KEYS)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : keyList.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException(
                        "Encryption key entries look like keyId:base64Key");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(parts[1].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Encryption key " + parts[0] + " is not base64");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException(
                        "Encryption key " + parts[0] + " must be 32 bytes");
            }
            keys.put(parts[0], new SecretKeySpec(material, "AES"));
        }
        return new FieldCipher(keys);
    }

    /**
     * A key for another purpose (e.g. keyed fingerprints of sealed text), derived from the sealing
     * key with HMAC-SHA256 so that it needs no configuration of its own and reveals nothing of the
     * sealing key. It changes when the sealing key rotates.
     */
    public byte[] derivedKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.get(sealingKeyId).getEncoded(), "HmacSHA256"));
            return mac.doFinal(("embargo:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The sealed form of {@code plaintext}; null stays null. */
    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return PREFIX
                + sealingKeyId
                + ":"
                + Base64.getEncoder()
                        .encodeToString(encrypt(plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The sealed form of a value from a field that older versions kept plain (rows and events
     * written before the field was sealed): plain text is sealed, a sealed value stays as it is,
     * null stays null.
     */
    public String sealIfPlain(String value) {
        return value == null || value.startsWith(PREFIX) ? value : seal(value);
    }

    /**
     * The plaintext of a value from a field that older versions kept plain: a sealed value is
     * opened, plain text from before is returned as it is.
     *
     * @throws IllegalArgumentException when a sealed value names an unknown key or was tampered
     *     with
     */
    public String openIfSealed(String value) {
        return value == null || !value.startsWith(PREFIX) ? value : open(value);
    }

    /**
     * Seals binary content (attachments) without the text form's base64: {@code keyId}, a colon,
     * then IV, ciphertext and tag. The key id travels with the bytes so keys can rotate.
     */
    public byte[] sealBytes(byte[] plaintext) {
        byte[] header = (sealingKeyId + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] body = encrypt(plaintext);
        return ByteBuffer.allocate(header.length + body.length).put(header).put(body).array();
    }

    /**
     * The content sealed by {@link #sealBytes}.
     *
     * @throws IllegalArgumentException when it names an unknown key or was tampered with
     */
    public byte[] openBytes(byte[] sealed) {
        int colon = -1;
        for (int i = 0; i < Math.min(sealed.length, 64); i++) {
            if (sealed[i] == ':') {
                colon = i;
                break;
            }
        }
        SecretKey key =
                colon > 0
                        ? keys.get(new String(sealed, 0, colon, StandardCharsets.US_ASCII))
                        : null;
        if (key == null) {
            throw new IllegalArgumentException("Sealed with an unknown key");
        }
        return decrypt(key, sealed, colon + 1);
    }

    private byte[] encrypt(byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    keys.get(sealingKeyId),
                    new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] in, int offset) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, offset, IV_BYTES));
            return cipher.doFinal(in, offset + IV_BYTES, in.length - offset - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Sealed value cannot be opened");
        }
    }

    /**
     * The plaintext of a sealed value; null stays null.
     *
     * @throws IllegalArgumentException when the value is not sealed, names an unknown key or was
     *     tampered with
     */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a sealed value");
        }
        String[] parts = sealed.substring(PREFIX.length()).split(":", 2);
        SecretKey key = parts.length == 2 ? keys.get(parts[0]) : null;
        if (key == null) {
            throw new IllegalArgumentException("Sealed with an unknown key");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Sealed value cannot be opened");
        }
        return new String(decrypt(key, in, 0), StandardCharsets.UTF_8);
    }
}
