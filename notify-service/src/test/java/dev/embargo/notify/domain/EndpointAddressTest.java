package dev.embargo.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointAddressTest {

    @Test
    void loopbackLinkLocalAndPrivateAddressesAreRefused() {
        for (String url :
                new String[] {
                    "https://127.0.0.1/hook",
                    "https://localhost/hook",
                    "https://169.254.169.254/latest",
                    "https://10.0.0.8/",
                    "https://192.168.1.1/",
                    "https://172.16.5.4/",
                    "https://[::1]/",
                    "https://[fd00::1]/",
                    "https://100.64.0.1/",
                    "https://0.0.0.0/"
                }) {
            assertThat(EndpointAddress.refusal(url, false, false)).as(url).contains("address");
        }
    }

    @Test
    void aPublicHttpsAddressIsAccepted() {
        assertThat(EndpointAddress.refusal("https://93.184.216.34/hook", false, false)).isNull();
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        assertThat(EndpointAddress.refusal("http://93.184.216.34/hook", false, false))
                .isEqualTo("must be an https URL");
        assertThat(EndpointAddress.refusal("http://93.184.216.34/hook", true, false)).isNull();
        assertThat(EndpointAddress.refusal("ftp://93.184.216.34/hook", true, false))
                .isEqualTo("must be an http or https URL");
    }

    @Test
    void theLocalStackMayAllowPrivateAddresses() {
        assertThat(EndpointAddress.refusal("http://127.0.0.1:9999/hook", true, true)).isNull();
    }

    @Test
    void credentialsInTheUrlAndNonsenseAreRefused() {
        assertThat(EndpointAddress.refusal("https://user:pw@93.184.216.34/", false, false))
                .isEqualTo("must not carry credentials");
        assertThat(EndpointAddress.refusal("https://", false, false)).isNotNull();
        assertThat(EndpointAddress.refusal("not a url at all", false, false)).isNotNull();
    }
}
