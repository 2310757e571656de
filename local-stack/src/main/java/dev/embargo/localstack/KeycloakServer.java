package dev.embargo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its Maven Central distribution in production mode: built once for the stack's
 * build-time options ({@code kc.sh build}, about 20 s, redone only when the options change), then
 * started optimized (6–10 s) over plain HTTP on 127.0.0.1, with the {@code embargo} realm from
 * {@code deploy/keycloak/embargo-realm.json} imported when the database does not have it yet. Its
 * database (H2 file) lives in the stack's data directory, so {@code reset} clears it while the
 * built distribution stays.
 */
final class KeycloakServer extends ProcessComponent {

    static final String REALM_FILE = "deploy/keycloak/embargo-realm.json";

    /** Options Keycloak fixes at build time; a change triggers a new build. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true");

    private static final String BUILD_STAMP = ".embargo-build-options";

    private final Tools tools;
    private final Path directory;

    KeycloakServer(StackSettings settings, Tools tools) {
        super("keycloak", settings);
        this.tools = tools;
        this.directory = settings.dataDir().resolve("keycloak");
    }

    @Override
    public String endpoint() {
        return "http://localhost:" + settings.keycloakPort();
    }

    @Override
    public List<Integer> ports() {
        return List.of(settings.keycloakPort(), settings.keycloakManagementPort());
    }

    @Override
    public void start() {
        if (isRunning()) {
            return;
        }
        Path home = tools.keycloakHome();
        prepareRealmImport(home);
        ensureBuilt(home);
        process.start(
                List.of(
                        "/bin/bash",
                        home.resolve("bin/kc.sh").toString(),
                        "start",
                        "--optimized",
                        "--http-enabled=true",
                        "--http-host=127.0.0.1",
                        "--http-port=" + settings.keycloakPort(),
                        "--http-management-port=" + settings.keycloakManagementPort(),
                        // One issuer, whichever name a client uses (localhost or 127.0.0.1): tokens
                        // fetched by a
                        // browser or a test verify at services that discovered the realm through
                        // 127.0.0.1.
                        "--hostname=http://localhost:" + settings.keycloakPort(),
                        "--db-url=jdbc:h2:file:"
                                + directory.resolve("db/keycloak")
                                + ";NON_KEYWORDS=VALUE",
                        "--import-realm",
                        // One node: the default clustered cache looks for the members of its last
                        // run in the
                        // database and waits for each to time out, 20 s on every start.
                        "--cache=local",
                        // Readiness is polled; a "health down" line per poll would bury the start
                        // in the log.
                        "--log-level=info,io.smallrye.health:warn"),
                environment(
                        Map.of(
                                "KC_BOOTSTRAP_ADMIN_USERNAME",
                                "admin",
                                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                                "admin")),
                directory);
    }

    @Override
    public void awaitReady() {
        String health = "http://127.0.0.1:" + settings.keycloakManagementPort() + "/health/ready";
        String realm = settings.keycloakUrl() + "/realms/embargo/.well-known/openid-configuration";
        Readiness.await(
                process,
                Duration.ofSeconds(180),
                () -> Readiness.answers200(health) && Readiness.answers200(realm));
    }

    /**
     * {@code --import-realm} reads the distribution's {@code data/import}; realms the database has
     * are left alone.
     */
    private void prepareRealmImport(Path home) {
        Path imports = home.resolve("data/import");
        try {
            Files.createDirectories(imports);
            Files.createDirectories(directory.resolve("tmp"));
            Files.copy(
                    settings.repository().resolve(REALM_FILE),
                    imports.resolve("embargo-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException(
                    "Cannot prepare Keycloak's realm import: " + e.getMessage(), e);
        }
    }

    private void ensureBuilt(Path home) {
        Path stamp = home.resolve(BUILD_STAMP);
        String options = String.join(" ", BUILD_OPTIONS);
        try {
            if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(options)) {
                return;
            }
            Files.deleteIfExists(stamp);
            Progress.note("keycloak: building the distribution for this stack (once, about 20 s)");
            List<String> build =
                    new ArrayList<>(
                            List.of("/bin/bash", home.resolve("bin/kc.sh").toString(), "build"));
            build.addAll(BUILD_OPTIONS);
            Commands.runLogged(build, environment(Map.of()), directory, process.logFile(), 300);
            Files.writeString(stamp, options);
        } catch (IOException e) {
            throw new StackException(
                    "Cannot record Keycloak's build in " + stamp + ": " + e.getMessage(), e);
        }
    }

    /**
     * kc.sh runs on the launcher's JDK (21+), with its temporary files in the stack's data
     * directory.
     */
    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("JAVA_HOME", Commands.javaHome());
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        environment.put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + directory.resolve("tmp"));
        return environment;
    }
}
