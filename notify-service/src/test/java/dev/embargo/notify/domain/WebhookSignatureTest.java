package dev.embargo.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signaturesMatchTheStandardWebhooksReferenceExample() {
        // The example of the Standard Webhooks specification (and its reference libraries' tests).
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aReceiverVerifiesWithItsSecretAndNotWithAnother() {
        String secret = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(secret), "msg_1", 1700000000L, "{\"a\":1}");
        assertThat(WebhookSignature.verifies(secret, "msg_1", 1700000000L, "{\"a\":1}", header)).isTrue();
        assertThat(WebhookSignature.verifies(WebhookSignature.newSecret(), "msg_1", 1700000000L, "{\"a\":1}", header)).isFalse();
        assertThat(WebhookSignature.verifies(secret, "msg_1", 1700000000L, "{\"a\":2}", header)).isFalse();
    }

    @Test
    void duringARotationBothSecretsSignSoEitherVerifies() {
        String previous = WebhookSignature.newSecret();
        String current = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(current, previous), "msg_2", 1700000000L, "{}");
        assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        assertThat(WebhookSignature.verifies(previous, "msg_2", 1700000000L, "{}", header)).isTrue();
        assertThat(WebhookSignature.verifies(current, "msg_2", 1700000000L, "{}", header)).isTrue();
    }

    @Test
    void newSecretsCarryThePrefixAnd32RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }
}
