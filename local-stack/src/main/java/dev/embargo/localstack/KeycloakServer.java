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
 * built distribution stays. On a JDK 25 or newer it starts from an ahead-of-time cache of its
 * classes, and at the first JIT tier: together about half the CPU time of a plain start, which the
 * services starting beside it on two cores get instead.
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
        Map<String, String> environment =
                new HashMap<>(
                        Map.of(
                                "KC_BOOTSTRAP_ADMIN_USERNAME",
                                "admin",
                                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                                "admin"));
        environment.put("JAVA_OPTS_APPEND", String.join(" ", startJvmOptions(home)));
        process.start(startCommand(home), environment(environment), directory);
    }

    List<String> startCommand(Path home) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "/bin/bash",
                                home.resolve("bin/kc.sh").toString(),
                                "start",
                                "--optimized",
                                "--http-enabled=true",
                                "--http-host=127.0.0.1",
                                "--http-port=" + settings.keycloakPort(),
                                "--http-management-port=" + settings.keycloakManagementPort(),
                                // One issuer, whichever name a client uses (localhost or
                                // 127.0.0.1): tokens fetched by a browser or a test verify at
                                // services that discovered the realm through 127.0.0.1.
                                "--hostname=http://localhost:" + settings.keycloakPort(),
                                "--db-url=jdbc:h2:file:"
                                        + directory.resolve("db/keycloak")
                                        + ";NON_KEYWORDS=VALUE",
                                // One node: the default clustered cache looks for the members of
                                // its last run in the database and waits for each to time out, 20 s
                                // on every start.
                                "--cache=local",
                                // Readiness is polled; a "health down" line per poll would bury
                                // the start in the log.
                                "--log-level=info,io.smallrye.health:warn"));
        // Keycloak would read and skip the realm file on every start (a second or two).
        if (!realmImported()) {
            command.add("--import-realm");
        }
        return command;
    }

    /**
     * The start cache (recorded by the first start after a build, loaded by the later ones) and the
     * first JIT tier, which compiles at a fraction of the CPU: a local Keycloak serves a handful of
     * logins, not a load.
     */
    List<String> startJvmOptions(Path home) {
        List<String> options =
                new ArrayList<>(
                        List.of(
                                "-Djava.io.tmpdir=" + directory.resolve("tmp"),
                                "-XX:TieredStopAtLevel=1"));
        options.addAll(startCache(home).jvmOptions());
        return options;
    }

    /** Next to the build it is made for. */
    StartCache startCache(Path home) {
        return new StartCache(home, "keycloak");
    }

    /** Recorded once Keycloak answered for the realm; deleted with its database by reset. */
    private Path realmImportedStamp() {
        return directory.resolve("realm-imported");
    }

    void recordRealmImported() {
        try {
            Files.writeString(realmImportedStamp(), "");
        } catch (IOException e) {
            throw new StackException(
                    "Cannot write " + realmImportedStamp() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the database has the realm: imported into it, and still there. */
    boolean realmImported() {
        return Files.isRegularFile(realmImportedStamp())
                && Files.isRegularFile(directory.resolve("db/keycloak.mv.db"));
    }

    /** A recording Keycloak gets the time to write its start cache. */
    @Override
    public void stop() {
        process.stop(
                tools.present()
                        ? startCache(tools.keycloakHome()).stopGrace()
                        : ManagedProcess.STOP_GRACE);
    }

    @Override
    public void awaitReady() {
        String health = "http://127.0.0.1:" + settings.keycloakManagementPort() + "/health/ready";
        String realm = settings.keycloakUrl() + "/realms/embargo/.well-known/openid-configuration";
        Readiness.await(
                process,
                Duration.ofSeconds(180),
                () -> Readiness.answers200(health) && Readiness.answers200(realm));
        recordRealmImported();
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
            // A cache of the classes the old build had: the JVM would refuse it.
            startCache(home).forget();
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
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", Commands.javaHome());
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        environment.put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + directory.resolve("tmp"));
        environment.putAll(extra);
        return environment;
    }
}
