package dev.embargo.notify.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {

    @Test
    void theLogSaysInWordsWhyATryGotNoAnswer() {
        assertThat(
                        WebhookDispatcher.reasonOf(
                                new ConnectException("Connection refused: /127.0.0.1:9000")))
                .isEqualTo("connection failed");
        assertThat(WebhookDispatcher.reasonOf(new TimeoutException())).isEqualTo("timed out");
        assertThat(WebhookDispatcher.reasonOf(new IllegalStateException("x")))
                .isEqualTo("IllegalStateException");
    }
}
