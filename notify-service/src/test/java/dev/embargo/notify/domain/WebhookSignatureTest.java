package dev.embargo.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final long NOW = Instant.now().getEpochSecond();

    @Test
    void signaturesMatchTheStandardWebhooksReferenceExample() {
        // The example of the Standard Webhooks specification (and its reference libraries' tests).
        String header =
                WebhookSignature.header(
                        List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L,
                        "{\"test\": 2432232314}");
        assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aReceiverVerifiesWithItsSecretAndNotWithAnother() {
        String secret = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(secret), "msg_1", NOW, "{\"a\":1}");
        assertThat(receiverAccepts(secret, "msg_1", "{\"a\":1}", header)).isTrue();
        assertThat(receiverAccepts(WebhookSignature.newSecret(), "msg_1", "{\"a\":1}", header))
                .isFalse();
        assertThat(receiverAccepts(secret, "msg_1", "{\"a\":2}", header)).isFalse();
        assertThat(receiverAccepts(secret, "msg_2", "{\"a\":1}", header)).isFalse();
    }

    @Test
    void duringARotationBothSecretsSignSoEitherVerifies() {
        String previous = WebhookSignature.newSecret();
        String current = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(current, previous), "msg_2", NOW, "{}");
        assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        assertThat(receiverAccepts(previous, "msg_2", "{}", header)).isTrue();
        assertThat(receiverAccepts(current, "msg_2", "{}", header)).isTrue();
    }

    @Test
    void newSecretsCarryThePrefixAnd32RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }

    /**
     * What a partner's receiver does with the reference library: the headers as sent, checked
     * against now.
     */
    private static boolean receiverAccepts(
            String secret, String webhookId, String body, String signatureHeader) {
        try {
            new Webhook(secret)
                    .verify(
                            body,
                            Map.of(
                                    "webhook-id",
                                    List.of(webhookId),
                                    "webhook-timestamp",
                                    List.of(Long.toString(NOW)),
                                    "webhook-signature",
                                    List.of(signatureHeader)));
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        } catch (EmptyWebhookSecretException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
