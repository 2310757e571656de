package dev.embargo.notify.domain;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signatures as the Standard Webhooks specification defines them, made by its reference library:
 * {@code v1,<base64 HMAC-SHA256>} over {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with
 * the secret's bytes (the base64 after {@code whsec_}). Several signatures (during a secret
 * rotation) are separated by spaces; a receiver accepts the message if any one verifies.
 */
public final class WebhookSignature {

    private static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new secret, {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(secret);
    }

    /** The {@code webhook-signature} header value: one {@code v1,} signature per secret. */
    public static String header(
            List<String> secrets, String webhookId, long timestamp, String body) {
        return secrets.stream()
                .map(secret -> signature(secret, webhookId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    private static String signature(String secret, String webhookId, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(webhookId, timestamp, body);
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            throw new IllegalStateException("Cannot sign a webhook: " + e.getMessage(), e);
        }
    }
}
