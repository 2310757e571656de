package dev.embargo.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.notify.domain.EndpointAddress.Refused;
import dev.embargo.notify.domain.EndpointAddress.Target;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointAddressTest {

    private static final HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

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
                    "https://0.0.0.0/",
                    "https://[::127.0.0.1]/",
                    "https://[64:ff9b::a9fe:a9fe]/latest",
                    "https://[2002:7f00:1::]/"
                }) {
            assertThat(refusal(url, false, false))
                    .as(url)
                    .startsWith("resolves to a special-purpose address");
        }
    }

    @Test
    void aPublicHttpsAddressIsAccepted() {
        assertThat(refusal("https://93.184.216.34/hook", false, false)).isNull();
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        assertThat(refusal("http://93.184.216.34/hook", false, false))
                .isEqualTo("must be an https URL");
        assertThat(refusal("http://93.184.216.34/hook", true, false)).isNull();
        assertThat(refusal("ftp://93.184.216.34/hook", true, false))
                .isEqualTo("must be an http or https URL");
    }

    @Test
    void theLocalStackMayAllowPrivateAddresses() {
        assertThat(refusal("http://127.0.0.1:9999/hook", true, true)).isNull();
    }

    @Test
    void credentialsInTheUrlAndNonsenseAreRefused() {
        assertThat(refusal("https://user:pw@93.184.216.34/", false, false))
                .isEqualTo("must not carry credentials");
        assertThat(refusal("https://", false, false)).isNotNull();
        assertThat(refusal("not a url at all", false, false)).isNotNull();
        assertThat(refusal("https://partner.example/hook", false, false, host -> List.of()))
                .isEqualTo("its host does not resolve");
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIsSpecialPurpose() throws UnknownHostException {
        List<InetAddress> answer =
                List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.8"));

        assertThat(refusal("https://partner.example/hook", false, false, host -> answer))
                .isEqualTo("resolves to a special-purpose address (10.0.0.8, private use)");
    }

    @Test
    void theTargetIsTheAddressTheOneLookupAnsweredWithTheUrlsPort() throws UnknownHostException {
        InetAddress checked = InetAddress.getByName("93.184.216.34");
        InetAddress rebound = InetAddress.getLoopbackAddress();
        List<String> lookups = new ArrayList<>();
        HostResolver rebinding =
                host -> {
                    lookups.add(host);
                    return List.of(lookups.size() == 1 ? checked : rebound);
                };

        assertThat(EndpointAddress.check("https://partner.example/hook", rebinding, false, false))
                .isEqualTo(new Target(new InetSocketAddress(checked, 443)));
        assertThat(lookups).containsExactly("partner.example");
        assertThat(
                        EndpointAddress.check(
                                "http://partner.example:8080/",
                                host -> List.of(checked),
                                true,
                                false))
                .isEqualTo(new Target(new InetSocketAddress(checked, 8080)));
    }

    private static String refusal(String url, boolean allowHttp, boolean allowPrivate) {
        return refusal(url, allowHttp, allowPrivate, SYSTEM);
    }

    private static String refusal(
            String url, boolean allowHttp, boolean allowPrivate, HostResolver resolver) {
        return EndpointAddress.check(url, resolver, allowHttp, allowPrivate)
                        instanceof Refused refused
                ? refused.reason()
                : null;
    }
}
