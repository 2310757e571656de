package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final String REPO = "/srv/embargo";

    @Test
    void usesTheDocumentedDefaultPortsAndKeepsDataInTheCheckout() {
        StackSettings settings = StackSettings.from(StackSettings.Lookup.of(Map.of("EMBARGO_REPO", REPO)));
        assertThat(settings.home()).isEqualTo(Path.of(REPO, ".embargo"));
        assertThat(settings.testProfile()).isFalse();
        assertThat(new int[] {settings.intakePort(), settings.triagePort(), settings.notifyPort(), settings.advisoryPort()})
                .containsExactly(8081, 8082, 8083, 8084);
        assertThat(new int[] {settings.keycloakPort(), settings.kafkaPort(), settings.postgresPort(), settings.smtpPort(),
                settings.imapPort(), settings.mailApiPort()}).containsExactly(8180, 9092, 5433, 2525, 2143, 8025);
    }

    @Test
    void testProfileMovesEveryPortAndTheDataSoItNeverTouchesARunningStack() {
        StackSettings settings = StackSettings.from(StackSettings.Lookup.of(
                Map.of("EMBARGO_REPO", REPO, "EMBARGO_PROFILE", "test")));
        assertThat(settings.home()).isEqualTo(Path.of(REPO, ".embargo/test"));
        assertThat(settings.intakePort()).isEqualTo(18081);
        assertThat(settings.postgresPort()).isEqualTo(15433);
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(settings.keycloakUrl()).isEqualTo("http://127.0.0.1:18180");
    }

    @Test
    void everyPortAndTheHomeCanBeSetByEnvironment() {
        StackSettings settings = StackSettings.from(StackSettings.Lookup.of(Map.of("EMBARGO_REPO", REPO,
                "EMBARGO_HOME", "/var/lib/embargo", "EMBARGO_INTAKE_PORT", "9081", "EMBARGO_KAFKA_PORT", "29092")));
        assertThat(settings.home()).isEqualTo(Path.of("/var/lib/embargo"));
        assertThat(settings.intakePort()).isEqualTo(9081);
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:29092");
        assertThat(settings.triagePort()).isEqualTo(8082);
    }

    @Test
    void aPortThatIsNotANumberIsRefusedByName() {
        assertThatThrownBy(() -> StackSettings.from(StackSettings.Lookup.of(
                Map.of("EMBARGO_REPO", REPO, "EMBARGO_SMTP_PORT", "smtp"))))
                .hasMessageContaining("EMBARGO_SMTP_PORT");
    }
}
