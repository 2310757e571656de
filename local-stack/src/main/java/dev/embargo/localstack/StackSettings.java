package dev.embargo.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local stack lives and which ports it uses. Every value comes from an environment
 * variable (or a system property of the same name), so one stack can run beside another: the
 * test profile ({@code EMBARGO_PROFILE=test}) moves every default port and the data directory.
 *
 * @param repository the Embargo checkout (services' jars, realm, Maven Wrapper)
 * @param home       data, logs, pid files, tools and secrets ({@code EMBARGO_HOME})
 * @param testProfile whether this is the test stack (fresh data on every start, no fsync)
 */
public record StackSettings(
        Path repository,
        Path home,
        boolean testProfile,
        int intakePort,
        int triagePort,
        int notifyPort,
        int advisoryPort,
        int keycloakPort,
        int keycloakManagementPort,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        int smtpPort,
        int imapPort,
        int mailApiPort) {

    /** Settings from this process's environment and system properties. */
    public static StackSettings fromEnvironment() {
        return from(name -> Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name)))
                .filter(value -> !value.isBlank()));
    }

    static StackSettings from(Lookup lookup) {
        boolean test = lookup.find("EMBARGO_PROFILE").map("test"::equalsIgnoreCase).orElse(false);
        Path repository = lookup.find("EMBARGO_REPO").or(() -> lookup.find("embargo.repo"))
                .map(Path::of).orElseGet(StackSettings::findRepository).toAbsolutePath().normalize();
        Path home = lookup.find("EMBARGO_HOME").map(Path::of)
                .orElse(repository.resolve(test ? ".embargo/test" : ".embargo")).toAbsolutePath().normalize();
        // Test ports are the defaults shifted by 10 000 so that tests never touch a running `up`.
        int shift = test ? 10_000 : 0;
        Ports ports = new Ports(lookup, shift);
        return new StackSettings(repository, home, test,
                ports.get("EMBARGO_INTAKE_PORT", 8081), ports.get("EMBARGO_TRIAGE_PORT", 8082),
                ports.get("EMBARGO_NOTIFY_PORT", 8083), ports.get("EMBARGO_ADVISORY_PORT", 8084),
                ports.get("EMBARGO_KEYCLOAK_PORT", 8180), ports.get("EMBARGO_KEYCLOAK_MANAGEMENT_PORT", 9180),
                ports.get("EMBARGO_KAFKA_PORT", 9092), ports.get("EMBARGO_KAFKA_CONTROLLER_PORT", 9093),
                ports.get("EMBARGO_POSTGRES_PORT", 5433), ports.get("EMBARGO_SMTP_PORT", 2525),
                ports.get("EMBARGO_IMAP_PORT", 2143), ports.get("EMBARGO_MAIL_API_PORT", 8025));
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path logDir() {
        return home.resolve("logs");
    }

    public Path runDir() {
        return home.resolve("run");
    }

    /** Downloaded and unpacked distributions; kept across {@code reset}, so a reset stack starts without downloads. */
    public Path toolsDir() {
        return home.resolve("tools");
    }

    public Path secretsDir() {
        return home.resolve("secrets");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    /** The checkout that contains this launcher: the first directory upwards holding {@code mvnw} and {@code local-stack}. */
    private static Path findRepository() {
        Path directory = Path.of("").toAbsolutePath();
        for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("local-stack"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find the Embargo checkout above " + directory + "; set EMBARGO_REPO");
    }

    /** Reads a setting by name. */
    @FunctionalInterface
    interface Lookup {
        Optional<String> find(String name);

        static Lookup of(Map<String, String> values) {
            return name -> Optional.ofNullable(values.get(name)).filter(value -> !value.isBlank());
        }
    }

    private record Ports(Lookup lookup, int shift) {
        int get(String variable, int defaultPort) {
            return lookup.find(variable).filter(value -> !value.isBlank()).map(value -> {
                try {
                    return Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(variable + " must be a port number, not '" + value + "'");
                }
            }).orElse(defaultPort + shift);
        }
    }
}
