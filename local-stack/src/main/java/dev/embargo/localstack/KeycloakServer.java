package dev.embargo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its Maven Central distribution, in development mode (HTTP, no hostname checks),
 * with the {@code embargo} realm from {@code deploy/keycloak/embargo-realm.json} imported on
 * first start. Its database (H2 file) lives in the stack's data directory, so {@code reset}
 * clears it while the unpacked distribution stays.
 */
final class KeycloakServer extends ProcessComponent {

    private static final String REALM_FILE = "deploy/keycloak/embargo-realm.json";

    private final Tools tools;
    private final Path directory;

    KeycloakServer(StackSettings settings, Tools tools) {
        super("keycloak", settings);
        this.tools = tools;
        this.directory = settings.dataDir().resolve("keycloak");
    }

    @Override
    public String endpoint() {
        return settings.keycloakUrl();
    }

    @Override
    public void start() {
        if (isRunning()) {
            return;
        }
        Path home = tools.keycloakHome();
        // --import-realm reads the distribution's data/import; existing realms are left alone.
        Path imports = home.resolve("data/import");
        try {
            Files.createDirectories(imports);
            Files.createDirectories(directory.resolve("tmp"));
            Files.copy(settings.repository().resolve(REALM_FILE), imports.resolve("embargo-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("Cannot prepare Keycloak's realm import: " + e.getMessage(), e);
        }
        process.start(List.of("/bin/bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-host=127.0.0.1",
                        // One issuer, whichever name a client uses (localhost or 127.0.0.1), or tokens would not verify.
                        "--hostname=http://localhost:" + settings.keycloakPort(),
                        "--http-port=" + settings.keycloakPort(),
                        "--http-management-port=" + settings.keycloakManagementPort(),
                        "--health-enabled=true",
                        "--db-url=jdbc:h2:file:" + directory.resolve("db/keycloak") + ";NON_KEYWORDS=VALUE",
                        "--import-realm"),
                Map.of("JAVA_HOME", System.getProperty("java.home"),
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                        "JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + directory.resolve("tmp"),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
                directory);
    }

    @Override
    public void awaitReady() {
        String health = "http://127.0.0.1:" + settings.keycloakManagementPort() + "/health/ready";
        String realm = settings.keycloakUrl() + "/realms/embargo/.well-known/openid-configuration";
        Readiness.await(process, Duration.ofSeconds(180), () -> Readiness.answers200(health) && Readiness.answers200(realm));
    }

}
