package dev.embargo.triage.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.embargo.triage.config.TriageConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

    private static final String REALM_URL = "http://127.0.0.1:8180/realms/embargo";

    @Test
    void signsInAtTheKeycloakAndRealmTriageTrustsWhenNothingElseIsConfigured() {
        ConsoleConfigView view =
                new ConsoleSettings(console(null, null, null, null), REALM_URL).view();

        assertThat(view.keycloakUrl()).isEqualTo("http://127.0.0.1:8180");
        assertThat(view.realm()).isEqualTo("embargo");
        assertThat(view.clientId()).isEqualTo("embargo-console");
    }

    @Test
    void keepsAKeycloakPathPrefixWhenDerivingItsUrl() {
        ConsoleConfigView view =
                new ConsoleSettings(
                                console(null, null, null, null),
                                "https://sso.example.org/auth/realms/psirt/")
                        .view();

        assertThat(view.keycloakUrl()).isEqualTo("https://sso.example.org/auth");
        assertThat(view.realm()).isEqualTo("psirt");
    }

    @Test
    void takesTheKeycloakUrlBrowsersUseWhenGivenButAlwaysTheRealmTriageTrusts() {
        ConsoleConfigView view =
                new ConsoleSettings(console("http://localhost:8180/", null, null, null), REALM_URL)
                        .view();

        assertThat(view.keycloakUrl()).isEqualTo("http://localhost:8180");
        assertThat(view.realm()).isEqualTo("embargo");
    }

    @Test
    void servicesWithoutAUrlAreOnTheConsolesOwnOrigin() {
        ConsoleConfigView view =
                new ConsoleSettings(console(null, null, null, null), REALM_URL).view();

        assertThat(view.services())
                .containsExactly(
                        Map.entry("triage", ""),
                        Map.entry("intake", ""),
                        Map.entry("notify", ""),
                        Map.entry("advisory", ""));
    }

    @Test
    void servicesWithAUrlAreNamedWithoutTrailingSlash() {
        ConsoleConfigView view =
                new ConsoleSettings(
                                console(
                                        null,
                                        "http://localhost:8081/",
                                        "http://localhost:8083",
                                        "https://staff.example.org/advisory"),
                                REALM_URL)
                        .view();

        assertThat(view.services())
                .containsExactly(
                        Map.entry("triage", ""),
                        Map.entry("intake", "http://localhost:8081"),
                        Map.entry("notify", "http://localhost:8083"),
                        Map.entry("advisory", "https://staff.example.org/advisory"));
    }

    @Test
    void contentSecurityPolicyLetsTheConsoleReachOnlyKeycloakAndTheConfiguredServices() {
        String policy =
                new ConsoleSettings(
                                console(
                                        "http://localhost:8180",
                                        "http://localhost:8081",
                                        null,
                                        "https://staff.example.org/advisory"),
                                REALM_URL)
                        .contentSecurityPolicy();

        assertThat(policy)
                .isEqualTo(
                        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'"
                            + " data:; connect-src 'self' http://localhost:8180"
                            + " http://localhost:8081 https://staff.example.org; base-uri 'none';"
                            + " form-action 'self' http://localhost:8180; frame-ancestors 'none'");
    }

    @Test
    void contentSecurityPolicyNamesAnOriginOnceAndOnlyTheSelfWhenServicesShareTheHost() {
        String policy =
                new ConsoleSettings(
                                console(
                                        "https://staff.example.org/sso",
                                        "https://staff.example.org/x",
                                        null,
                                        null),
                                "https://staff.example.org/sso/realms/embargo")
                        .contentSecurityPolicy();

        assertThat(policy).contains("connect-src 'self' https://staff.example.org;");
    }

    @Test
    void refusesAServiceUrlThatIsNotAnAbsoluteHttpUrl() {
        assertThatThrownBy(
                        () ->
                                new ConsoleSettings(
                                        console(null, "localhost:8081", null, null), REALM_URL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("embargo.triage.console.intake-url");
        assertThatThrownBy(
                        () ->
                                new ConsoleSettings(
                                        console(null, null, "javascript:alert(1)", null),
                                        REALM_URL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("embargo.triage.console.notify-url");
    }

    @Test
    void refusesAnAuthServerUrlThatNamesNoRealm() {
        assertThatThrownBy(
                        () ->
                                new ConsoleSettings(
                                        console(null, null, null, null), "http://127.0.0.1:8180"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.oidc.auth-server-url");
    }

    private static TriageConfig.Console console(
            String keycloakUrl, String intakeUrl, String notifyUrl, String advisoryUrl) {
        return new TriageConfig.Console() {
            @Override
            public Optional<String> keycloakUrl() {
                return Optional.ofNullable(keycloakUrl);
            }

            @Override
            public String clientId() {
                return "embargo-console";
            }

            @Override
            public Optional<String> intakeUrl() {
                return Optional.ofNullable(intakeUrl);
            }

            @Override
            public Optional<String> notifyUrl() {
                return Optional.ofNullable(notifyUrl);
            }

            @Override
            public Optional<String> advisoryUrl() {
                return Optional.ofNullable(advisoryUrl);
            }
        };
    }
}
