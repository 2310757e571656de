package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final String REPO = "/srv/embargo";

    private static StackSettings settings(Map<String, String> values) {
        return StackSettings.from(StackSettings.Lookup.of(values));
    }

    @Test
    void usesTheDocumentedDefaultPortsAndKeepsDataInTheCheckout() {
        StackSettings settings = settings(Map.of("EMBARGO_REPO", REPO));
        assertThat(settings.home()).isEqualTo(Path.of(REPO, ".embargo"));
        assertThat(settings.testProfile()).isFalse();
        assertThat(
                        new int[] {
                            settings.intakePort(),
                            settings.triagePort(),
                            settings.notifyPort(),
                            settings.advisoryPort()
                        })
                .containsExactly(8081, 8082, 8083, 8084);
        assertThat(
                        new int[] {
                            settings.keycloakPort(),
                            settings.keycloakManagementPort(),
                            settings.kafkaPort(),
                            settings.kafkaControllerPort(),
                            settings.postgresPort(),
                            settings.smtpPort(),
                            settings.imapPort(),
                            settings.mailApiPort(),
                            settings.cveServicesPort()
                        })
                .containsExactly(8180, 9180, 9092, 9093, 5433, 2525, 2143, 8025, 8095);
        assertThat(settings.dataDir()).isEqualTo(Path.of(REPO, ".embargo/data"));
        assertThat(settings.toolsDir()).isEqualTo(Path.of(REPO, ".embargo/tools"));
    }

    @Test
    void testProfileMovesEveryPortAndTheDataSoItNeverTouchesARunningStack() {
        StackSettings settings = settings(Map.of("EMBARGO_REPO", REPO, "EMBARGO_PROFILE", "test"));
        assertThat(settings.testProfile()).isTrue();
        assertThat(settings.home()).isEqualTo(Path.of(REPO, ".embargo/test"));
        assertThat(
                        new int[] {
                            settings.intakePort(),
                            settings.triagePort(),
                            settings.notifyPort(),
                            settings.advisoryPort()
                        })
                .containsExactly(18081, 18082, 18083, 18084);
        assertThat(
                        new int[] {
                            settings.keycloakPort(),
                            settings.keycloakManagementPort(),
                            settings.kafkaPort(),
                            settings.kafkaControllerPort(),
                            settings.postgresPort(),
                            settings.smtpPort(),
                            settings.imapPort(),
                            settings.mailApiPort(),
                            settings.cveServicesPort()
                        })
                .containsExactly(18180, 19180, 19092, 19093, 15433, 12525, 12143, 18025, 18095);
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(settings.keycloakUrl()).isEqualTo("http://127.0.0.1:18180");
        assertThat(settings.mailApiUrl()).isEqualTo("http://127.0.0.1:18025");
    }

    @Test
    void everyServiceServesHealthAndMetricsOnAManagementPortOfItsOwnMovedInTheTestProfile() {
        StackSettings defaults = settings(Map.of("EMBARGO_REPO", REPO));
        StackSettings test = settings(Map.of("EMBARGO_REPO", REPO, "EMBARGO_PROFILE", "test"));
        StackSettings moved =
                settings(Map.of("EMBARGO_REPO", REPO, "EMBARGO_NOTIFY_MANAGEMENT_PORT", "29083"));

        assertThat(StackSettings.ALL_SERVICES.stream().map(defaults::managementPort))
                .containsExactly(9081, 9082, 9083, 9084);
        assertThat(StackSettings.ALL_SERVICES.stream().map(test::managementPort))
                .containsExactly(19081, 19082, 19083, 19084);
        assertThat(moved.managementPort("notify")).isEqualTo(29083);
        assertThat(moved.notifyManagementPort()).isEqualTo(29083);
    }

    @Test
    void everyPortAndTheHomeCanBeSetByEnvironment() {
        StackSettings settings =
                settings(
                        Map.of(
                                "EMBARGO_REPO",
                                REPO,
                                "EMBARGO_HOME",
                                "/var/lib/embargo",
                                "EMBARGO_INTAKE_PORT",
                                "9081",
                                "EMBARGO_KAFKA_PORT",
                                " 29092 "));
        assertThat(settings.home()).isEqualTo(Path.of("/var/lib/embargo"));
        assertThat(settings.intakePort()).isEqualTo(9081);
        assertThat(settings.servicePort("intake")).isEqualTo(9081);
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:29092");
        assertThat(settings.triagePort()).isEqualTo(8082);
    }

    @Test
    void servicesRunOnASmallSerialHeapAndTheTestStackStopsAtTheFirstJitTier() {
        assertThat(settings(Map.of("EMBARGO_REPO", REPO)).serviceJvmOptions())
                .containsExactly(
                        "-Xms64m",
                        "-Xmx64m",
                        "-XX:+UseSerialGC",
                        "-XX:MaxMetaspaceSize=160m",
                        "-XX:ReservedCodeCacheSize=48m",
                        "-Xss512k");
        assertThat(
                        settings(Map.of("EMBARGO_REPO", REPO, "EMBARGO_PROFILE", "test"))
                                .serviceJvmOptions())
                .containsExactly(
                        "-Xms64m",
                        "-Xmx64m",
                        "-XX:+UseSerialGC",
                        "-XX:MaxMetaspaceSize=160m",
                        "-XX:ReservedCodeCacheSize=48m",
                        "-Xss512k",
                        "-XX:TieredStopAtLevel=1");
    }

    @Test
    void theServicesJvmOptionsCanBeReplacedByEnvironment() {
        StackSettings settings =
                settings(
                        Map.of(
                                "EMBARGO_REPO",
                                REPO,
                                "EMBARGO_PROFILE",
                                "test",
                                "EMBARGO_SERVICE_JVM_OPTIONS",
                                "  -Xmx512m   -XX:+UseParallelGC "));
        assertThat(settings.serviceJvmOptions()).containsExactly("-Xmx512m", "-XX:+UseParallelGC");
    }

    @Test
    void aPortSetInTheTestProfileIsTakenAsItIs() {
        StackSettings settings =
                settings(
                        Map.of(
                                "EMBARGO_REPO",
                                REPO,
                                "EMBARGO_PROFILE",
                                "test",
                                "EMBARGO_SMTP_PORT",
                                "3025"));
        assertThat(settings.smtpPort()).isEqualTo(3025);
    }

    @Test
    void blankVariablesCountAsUnset() {
        StackSettings settings =
                settings(
                        Map.of(
                                "EMBARGO_REPO",
                                REPO,
                                "EMBARGO_HOME",
                                " ",
                                "EMBARGO_INTAKE_PORT",
                                "",
                                "EMBARGO_PROFILE",
                                ""));
        assertThat(settings.home()).isEqualTo(Path.of(REPO, ".embargo"));
        assertThat(settings.intakePort()).isEqualTo(8081);
    }

    @Test
    void aPortThatIsNotANumberIsRefusedByName() {
        assertThatThrownBy(
                        () -> settings(Map.of("EMBARGO_REPO", REPO, "EMBARGO_SMTP_PORT", "smtp")))
                .hasMessageContaining("EMBARGO_SMTP_PORT")
                .hasMessageContaining("'smtp'");
        assertThatThrownBy(
                        () -> settings(Map.of("EMBARGO_REPO", REPO, "EMBARGO_IMAP_PORT", "70000")))
                .hasMessageContaining("EMBARGO_IMAP_PORT");
    }

    @Test
    void allFourServicesStartUnlessEmbargoServicesNamesSome() {
        assertThat(settings(Map.of("EMBARGO_REPO", REPO)).services())
                .containsExactly("intake", "triage", "notify", "advisory");
        assertThat(
                        settings(
                                        Map.of(
                                                "EMBARGO_REPO",
                                                REPO,
                                                "EMBARGO_SERVICES",
                                                "triage, intake,triage"))
                                .services())
                .containsExactly("triage", "intake");
    }

    @Test
    void anEmptyEmbargoServicesStartsTheInfrastructureOnly() {
        assertThat(settings(Map.of("EMBARGO_REPO", REPO, "EMBARGO_SERVICES", "")).services())
                .isEmpty();
    }

    @Test
    void anUnknownServiceIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(
                        () ->
                                settings(
                                        Map.of(
                                                "EMBARGO_REPO",
                                                REPO,
                                                "EMBARGO_SERVICES",
                                                "intake,billing")))
                .hasMessageContaining("billing")
                .hasMessageContaining("advisory");
    }

    @Test
    void systemPropertiesServeAsSettingsLikeEnvironmentVariables() {
        System.setProperty("EMBARGO_REPO", REPO);
        System.setProperty("EMBARGO_ADVISORY_PORT", "28084");
        try {
            StackSettings settings = StackSettings.fromEnvironment();
            assertThat(settings.repository()).isEqualTo(Path.of(REPO));
            assertThat(settings.advisoryPort()).isEqualTo(28084);
        } finally {
            System.clearProperty("EMBARGO_REPO");
            System.clearProperty("EMBARGO_ADVISORY_PORT");
        }
    }
}
