package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceEnvironmentTest {

    @TempDir Path home;

    @Test
    void servicesAreToldWhereEveryPieceOfTheStackListens() {
        StackSettings settings =
                StackSettings.from(
                        StackSettings.Lookup.of(
                                Map.of(
                                        "EMBARGO_REPO",
                                        "/srv/embargo",
                                        "EMBARGO_HOME",
                                        home.toString(),
                                        "EMBARGO_PROFILE",
                                        "test")));

        Map<String, String> environment = ServiceEnvironment.of(settings);

        assertThat(environment)
                .contains(
                        entry("EMBARGO_POSTGRES_HOST", "127.0.0.1"),
                        entry("EMBARGO_POSTGRES_PORT", "15433"),
                        entry("EMBARGO_KAFKA_BOOTSTRAP", "127.0.0.1:19092"),
                        entry("EMBARGO_KEYCLOAK_URL", "http://127.0.0.1:18180"),
                        entry("EMBARGO_OIDC_CLIENT_SECRET", "embargo-services-local-secret"),
                        entry(
                                "EMBARGO_KEYCLOAK_ADMIN_CLIENT_SECRET",
                                "embargo-integrations-local-secret"),
                        entry("EMBARGO_SMTP_HOST", "127.0.0.1"),
                        entry("EMBARGO_SMTP_PORT", "12525"),
                        entry("EMBARGO_INTAKE_PORT", "18081"),
                        entry("EMBARGO_TRIAGE_PORT", "18082"),
                        entry("EMBARGO_NOTIFY_PORT", "18083"),
                        entry("EMBARGO_ADVISORY_PORT", "18084"),
                        entry("EMBARGO_INTAKE_PUBLIC_URL", "http://localhost:18081"),
                        entry("EMBARGO_KAFKA_SESSION_TIMEOUT_MS", "15000"));
        assertThat(environment.get("EMBARGO_ENCRYPTION_KEYS"))
                .isEqualTo(EncryptionKeys.ensure(settings.secretsDir()));
    }

    @Test
    void servicesListenOnThisMachineOnlyEachWithAManagementPortOfItsOwn() {
        StackSettings settings =
                StackSettings.from(
                        StackSettings.Lookup.of(
                                Map.of(
                                        "EMBARGO_REPO",
                                        "/srv/embargo",
                                        "EMBARGO_HOME",
                                        home.toString())));

        Map<String, String> environment = ServiceEnvironment.of(settings);

        assertThat(environment)
                .contains(
                        entry("EMBARGO_HTTP_HOST", "127.0.0.1"),
                        entry("EMBARGO_INTAKE_MANAGEMENT_PORT", "9081"),
                        entry("EMBARGO_TRIAGE_MANAGEMENT_PORT", "9082"),
                        entry("EMBARGO_NOTIFY_MANAGEMENT_PORT", "9083"),
                        entry("EMBARGO_ADVISORY_MANAGEMENT_PORT", "9084"));
    }
}
