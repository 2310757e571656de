package dev.embargo.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the local stack lives and which ports it uses. Every value comes from an environment
 * variable (or a system property of the same name, which wins), so one stack can run beside
 * another: the test profile ({@code EMBARGO_PROFILE=test}) moves every default port up by 10 000
 * and the home to {@code .embargo/test}.
 *
 * @param repository the Embargo checkout: services' jars, realm, programs, Maven Wrapper ({@code
 *     EMBARGO_REPO})
 * @param home data, logs, pid files, tools and secrets ({@code EMBARGO_HOME})
 * @param testProfile whether this is the test stack: fresh data on every start, PostgreSQL without
 *     fsync (see {@code PostgresServer.serverSettings})
 * @param services the services {@code startServices()} starts ({@code EMBARGO_SERVICES},
 *     comma-separated; all four when unset, none when set but empty)
 * @param serviceJvmOptions the options each service's JVM starts with ({@code
 *     EMBARGO_SERVICE_JVM_OPTIONS}, separated by spaces; see {@link #DEFAULT_SERVICE_JVM_OPTIONS})
 * @param intakeManagementPort where intake serves health, metrics and OpenAPI; likewise for the
 *     other services ({@code EMBARGO_<SERVICE>_MANAGEMENT_PORT})
 * @param cveServicesPort where the test stack's services expect CVE Services: the end-to-end tests'
 *     {@link CveServicesStandIn} listens there ({@code EMBARGO_CVE_SERVICES_PORT})
 */
public record StackSettings(
        Path repository,
        Path home,
        boolean testProfile,
        List<String> services,
        List<String> serviceJvmOptions,
        int intakePort,
        int triagePort,
        int notifyPort,
        int advisoryPort,
        int intakeManagementPort,
        int triageManagementPort,
        int notifyManagementPort,
        int advisoryManagementPort,
        int keycloakPort,
        int keycloakManagementPort,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        int smtpPort,
        int imapPort,
        int mailApiPort,
        int cveServicesPort) {

    /** The four services, in the order they are listed everywhere. */
    public static final List<String> ALL_SERVICES =
            List.of("intake", "triage", "notify", "advisory");

    /**
     * Two cores and a small node for the whole stack: a small heap and the serial collector keep
     * four services light. The heap has its full size from the start: grown from a small one, the
     * young generation stays small and a loaded service collects it many times a second. A loaded
     * intake keeps about 30 MiB live, so 64 MiB is enough: against 128 MiB it collects 2.5 times as
     * often (2-3 ms pauses) and is 20 MB smaller resident (280 MB under load). Most of the rest is
     * class metadata (about 130 MB for 19 600 classes, in the start cache or in metaspace), which
     * no option shrinks. The code cache stays below 25 MB; threads need no 1 MiB stacks.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS =
            List.of(
                    "-Xms64m",
                    "-Xmx64m",
                    "-XX:+UseSerialGC",
                    "-XX:MaxMetaspaceSize=160m",
                    "-XX:ReservedCodeCacheSize=48m",
                    "-Xss512k");

    /**
     * The test stack's services also stop at the first JIT tier: four services compiling with C2
     * next to Kafka, Keycloak and the tests take most of a two-core machine for the first minutes,
     * and the tests want answers soon, not the fastest code after minutes of load.
     */
    public static final List<String> DEFAULT_TEST_SERVICE_JVM_OPTIONS =
            Stream.concat(
                            DEFAULT_SERVICE_JVM_OPTIONS.stream(),
                            Stream.of("-XX:TieredStopAtLevel=1"))
                    .toList();

    private static final int TEST_PORT_SHIFT = 10_000;

    public StackSettings {
        services = List.copyOf(services);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /** Settings from this process's system properties and environment, by the same names. */
    public static StackSettings fromEnvironment() {
        return from(
                name ->
                        Optional.ofNullable(System.getProperty(name))
                                .or(() -> Optional.ofNullable(System.getenv(name))));
    }

    /**
     * The settings {@code ./embargo up} uses for a checkout when nothing is set, whatever this
     * process's environment says: the ports the documentation names (end-to-end tests map them to
     * the test stack's).
     */
    public static StackSettings defaults(Path repository) {
        return from(Lookup.of(Map.of("EMBARGO_REPO", repository.toString())));
    }

    static StackSettings from(Lookup lookup) {
        boolean test =
                lookup.nonBlank("EMBARGO_PROFILE").map("test"::equalsIgnoreCase).orElse(false);
        Path repository =
                lookup.nonBlank("EMBARGO_REPO")
                        .map(Path::of)
                        .orElseGet(StackSettings::findRepository)
                        .toAbsolutePath()
                        .normalize();
        Path home =
                lookup.nonBlank("EMBARGO_HOME")
                        .map(Path::of)
                        .orElse(repository.resolve(test ? ".embargo/test" : ".embargo"))
                        .toAbsolutePath()
                        .normalize();
        // Test ports are the defaults shifted, so that tests never touch a running `./embargo up`.
        Ports ports = new Ports(lookup, test ? TEST_PORT_SHIFT : 0);
        List<String> jvmOptions =
                lookup.nonBlank("EMBARGO_SERVICE_JVM_OPTIONS")
                        .map(value -> List.of(value.strip().split("\\s+")))
                        .orElse(
                                test
                                        ? DEFAULT_TEST_SERVICE_JVM_OPTIONS
                                        : DEFAULT_SERVICE_JVM_OPTIONS);
        return new StackSettings(
                repository,
                home,
                test,
                services(lookup),
                jvmOptions,
                ports.get("EMBARGO_INTAKE_PORT", 8081),
                ports.get("EMBARGO_TRIAGE_PORT", 8082),
                ports.get("EMBARGO_NOTIFY_PORT", 8083),
                ports.get("EMBARGO_ADVISORY_PORT", 8084),
                ports.get("EMBARGO_INTAKE_MANAGEMENT_PORT", 9081),
                ports.get("EMBARGO_TRIAGE_MANAGEMENT_PORT", 9082),
                ports.get("EMBARGO_NOTIFY_MANAGEMENT_PORT", 9083),
                ports.get("EMBARGO_ADVISORY_MANAGEMENT_PORT", 9084),
                ports.get("EMBARGO_KEYCLOAK_PORT", 8180),
                ports.get("EMBARGO_KEYCLOAK_MANAGEMENT_PORT", 9180),
                ports.get("EMBARGO_KAFKA_PORT", 9092),
                ports.get("EMBARGO_KAFKA_CONTROLLER_PORT", 9093),
                ports.get("EMBARGO_POSTGRES_PORT", 5433),
                ports.get("EMBARGO_SMTP_PORT", 2525),
                ports.get("EMBARGO_IMAP_PORT", 2143),
                ports.get("EMBARGO_MAIL_API_PORT", 8025),
                ports.get("EMBARGO_CVE_SERVICES_PORT", 8095));
    }

    /** Unset means all four; set but empty means none (infrastructure only). */
    private static List<String> services(Lookup lookup) {
        List<String> services =
                lookup.find("EMBARGO_SERVICES")
                        .map(
                                value ->
                                        Arrays.stream(value.split(","))
                                                .map(String::strip)
                                                .filter(name -> !name.isEmpty())
                                                .distinct()
                                                .toList())
                        .orElse(ALL_SERVICES);
        services.forEach(StackSettings::requireKnownService);
        return services;
    }

    static void requireKnownService(String name) {
        if (!ALL_SERVICES.contains(name)) {
            throw new IllegalArgumentException(
                    "There is no service named '" + name + "'; the services are " + ALL_SERVICES);
        }
    }

    /** The port a service listens on. */
    public int servicePort(String service) {
        requireKnownService(service);
        return switch (service) {
            case "intake" -> intakePort;
            case "triage" -> triagePort;
            case "notify" -> notifyPort;
            default -> advisoryPort;
        };
    }

    /** The port a service serves health, metrics and OpenAPI on (Quarkus' management interface). */
    public int managementPort(String service) {
        requireKnownService(service);
        return switch (service) {
            case "intake" -> intakeManagementPort;
            case "triage" -> triageManagementPort;
            case "notify" -> notifyManagementPort;
            default -> advisoryManagementPort;
        };
    }

    /**
     * PostgreSQL cluster, Kafka log, Keycloak's database: survive {@code down}/{@code up}, deleted
     * by {@code reset}.
     */
    public Path dataDir() {
        return home.resolve("data");
    }

    public Path logDir() {
        return home.resolve("logs");
    }

    /** Pid files, and each service's working directory. */
    public Path runDir() {
        return home.resolve("run");
    }

    /**
     * Fetched and unpacked distributions; kept across {@code reset}, so a reset stack starts
     * without downloads.
     */
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

    public String mailApiUrl() {
        return "http://127.0.0.1:" + mailApiPort;
    }

    /**
     * The checkout that contains this launcher: the first directory upwards holding {@code mvnw}
     * and {@code local-stack}.
     */
    static Path findRepository() {
        Path directory = Path.of("").toAbsolutePath();
        for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw"))
                    && Files.isDirectory(candidate.resolve("local-stack"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "Cannot find the Embargo checkout above " + directory + "; set EMBARGO_REPO");
    }

    /** Reads a setting by name. */
    @FunctionalInterface
    interface Lookup {
        Optional<String> find(String name);

        /** Blank counts as unset: {@code EMBARGO_HOME= ./embargo up} means the default. */
        default Optional<String> nonBlank(String name) {
            return find(name).filter(value -> !value.isBlank()).map(String::strip);
        }

        static Lookup of(Map<String, String> values) {
            return name -> Optional.ofNullable(values.get(name));
        }
    }

    private record Ports(Lookup lookup, int shift) {
        int get(String variable, int defaultPort) {
            return lookup.nonBlank(variable)
                    .map(
                            value -> {
                                try {
                                    int port = Integer.parseInt(value);
                                    if (port < 1 || port > 65_535) {
                                        throw new NumberFormatException();
                                    }
                                    return port;
                                } catch (NumberFormatException e) {
                                    throw new IllegalArgumentException(
                                            variable
                                                    + " must be a port number, not '"
                                                    + value
                                                    + "'");
                                }
                            })
                    .orElse(defaultPort + shift);
        }
    }
}
