package dev.embargo.notify.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification defines them: HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>} with the secret's bytes (the base64 after
 * {@code whsec_}), sent as {@code v1,<base64>}; several signatures (during a secret rotation)
 * are separated by spaces, and a receiver accepts the message if any one verifies.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret, {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(secret);
    }

    /** The {@code webhook-signature} header value: one {@code v1,} signature per secret. */
    public static String header(List<String> secrets, String webhookId, long timestamp, String body) {
        return secrets.stream().map(secret -> "v1," + sign(secret, webhookId, timestamp, body)).collect(Collectors.joining(" "));
    }

    /** Whether any signature of the header is the secret's: what a partner's receiver checks. */
    public static boolean verifies(String secret, String webhookId, long timestamp, String body, String header) {
        byte[] expected = sign(secret, webhookId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String signature : header.split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    static String sign(String secret, String webhookId, long timestamp, String body) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("Webhook secrets start with " + SECRET_PREFIX);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256"));
            byte[] signature = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
