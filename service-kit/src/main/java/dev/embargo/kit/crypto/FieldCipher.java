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
 * Seals sensitive text (report titles, descriptions, reporter addresses) with AES-256-GCM, in
 * the database and in events alike. The sealed form names its key, so keys can rotate: the
 * first configured key seals, every configured key opens.
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
            throw new IllegalArgumentException("No encryption keys configured (EMBARGO_ENCRYPTION_KEYS)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : keyList.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("Encryption key entries look like keyId:base64Key");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(parts[1].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Encryption key " + parts[0] + " is not base64");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException("Encryption key " + parts[0] + " must be 32 bytes");
            }
            keys.put(parts[0], new SecretKeySpec(material, "AES"));
        }
        return new FieldCipher(keys);
    }

    /**
     * A key for another purpose (e.g. keyed fingerprints of sealed text), derived from the sealing
     * key with HMAC-SHA256 so that it needs no configuration of its own and reveals nothing of
     * the sealing key. It changes when the sealing key rotates.
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
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(sealingKeyId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + sealingKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * The plaintext of a sealed value; null stays null.
     *
     * @throws IllegalArgumentException when the value is not sealed, names an unknown key or was tampered with
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
        try {
            byte[] in = Base64.getDecoder().decode(parts[1]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Sealed value cannot be opened");
        }
    }
}
