package dev.embargo.advisory.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicUrlRuleTest {

    @Test
    void aPublicUrlOnTheInternetMustUseHttps() {
        assertThatThrownBy(
                        () ->
                                PublicUrlRule.requireHttpsOutsideLoopback(
                                        "http://security.example.org"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("https://");
        assertThatCode(
                        () ->
                                PublicUrlRule.requireHttpsOutsideLoopback(
                                        "https://security.example.org"))
                .doesNotThrowAnyException();
    }

    @Test
    void theLocalStackMayServeHttpOnThisMachine() {
        for (String local :
                new String[] {
                    "http://localhost:8084", "http://127.0.0.1:8084", "http://embargo.localhost"
                }) {
            assertThatCode(() -> PublicUrlRule.requireHttpsOutsideLoopback(local))
                    .doesNotThrowAnyException();
        }
    }
}
