package dev.embargo.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * PostgreSQL and Kafka for one service's own {@code @QuarkusTest}s, started by the same code as the
 * local stack: a service's rules run against the real database and broker without Docker and
 * without the rest of the platform. Each start has fresh data under {@code
 * .embargo/service-tests/<service>} and free ports, so it never meets a running {@code ./embargo
 * up} or the end-to-end stack; the distributions are the end-to-end stack's ({@code
 * .embargo/test/tools}), fetched once for both.
 *
 * <p>Keycloak is not started: service tests stand in a staff member with quarkus-test-security
 * ({@code @TestSecurity}), so the services' OIDC tenant is switched off here.
 *
 * <p>A service's tests name it once, on any test class: {@code @QuarkusTestResource(value =
 * ServiceTestInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "triage"))}.
 */
public final class ServiceTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** What a fault test can take away from the service under test. */
    public enum Dependency {
        POSTGRES("postgres"),
        KAFKA("kafka");

        private final String componentName;

        Dependency(String componentName) {
            this.componentName = componentName;
        }
    }

    /** The instance the service under test uses; this resource runs in the tests' JVM. */
    private static volatile ServiceTestInfrastructure running;

    private String service = "service";
    private List<Component> components = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        Path repository = StackSettings.findRepository();
        Tools tools =
                new Tools(
                        StackSettings.from(
                                StackSettings.Lookup.of(
                                        Map.of(
                                                "EMBARGO_PROFILE",
                                                "test",
                                                "EMBARGO_REPO",
                                                repository.toString()))));
        if (!tools.present()) {
            tools.fetch();
        }
        Started started =
                startOnFreshPorts(
                        repository,
                        repository.resolve(".embargo/service-tests").resolve(service),
                        FreshPorts::choose,
                        settings ->
                                List.of(
                                        new PostgresServer(settings),
                                        new KafkaBroker(settings, tools)));
        components = started.components();
        running = this;
        return configuration(started.settings());
    }

    @Override
    public void stop() {
        running = null;
        Parallel.forEach(components.reversed(), Component::stop);
    }

    /** The settings one start succeeded with, and what it started on them. */
    record Started(StackSettings settings, List<Component> components) {}

    /**
     * Starts the components {@code componentsOn} makes, with fresh data and logs, on ports {@code
     * freePorts} chooses just before; a failed start is stopped, with whatever of it did come up,
     * and tried again on fresh ports (Kafka dies with "Address already in use" when another process
     * took its port in between).
     */
    static Started startOnFreshPorts(
            Path repository,
            Path home,
            IntSupplier freePorts,
            Function<StackSettings, List<Component>> componentsOn) {
        return FreshPorts.retry(
                "The service test infrastructure",
                () -> {
                    StackSettings settings = settings(repository, home, freePorts);
                    LocalStack.deleteTree(settings.dataDir());
                    LocalStack.deleteTree(settings.logDir());
                    List<Component> components = componentsOn.apply(settings);
                    try {
                        Parallel.forEach(
                                components,
                                component -> {
                                    component.start();
                                    component.awaitReady();
                                });
                        return new Started(settings, components);
                    } catch (RuntimeException e) {
                        stopAfterFailedStart(components, e);
                        throw e;
                    }
                });
    }

    /** Stops what a failed start left running; a failure to stop is added to the start's. */
    private static void stopAfterFailedStart(
            List<Component> components, RuntimeException startFailure) {
        for (Component component : components.reversed()) {
            try {
                component.stop();
            } catch (RuntimeException e) {
                startFailure.addSuppressed(e);
            }
        }
    }

    /**
     * For fault tests: stops PostgreSQL or Kafka under the running service, runs {@code whileDown},
     * and starts it again (same data, same port) whatever {@code whileDown} did, waiting until it
     * serves again, so that the module's other tests find it as they left it.
     */
    public static void whileStopped(Dependency dependency, Runnable whileDown) {
        ServiceTestInfrastructure instance = running;
        if (instance == null) {
            throw new IllegalStateException("No service test infrastructure runs in this JVM");
        }
        Component component =
                instance.components.stream()
                        .filter(candidate -> candidate.name().equals(dependency.componentName))
                        .findFirst()
                        .orElseThrow();
        component.stop();
        try {
            whileDown.run();
        } finally {
            component.start();
            component.awaitReady();
        }
    }

    /**
     * What the service is told: the stack's own variables, less what needs Keycloak or the mail
     * server.
     */
    static Map<String, String> configuration(StackSettings settings) {
        Map<String, String> configuration = new LinkedHashMap<>(ServiceEnvironment.of(settings));
        configuration.put("EMBARGO_MAIL_INTAKE_ENABLED", "false");
        configuration.put("quarkus.oidc.tenant-enabled", "false");
        return configuration;
    }

    /** The test profile's settings, on free ports for what this resource starts. */
    static StackSettings settings(Path repository, Path home, IntSupplier freePorts) {
        return new StackSettings(
                repository,
                home,
                true,
                List.of(),
                List.of(),
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                freePorts.getAsInt(),
                freePorts.getAsInt(),
                freePorts.getAsInt(),
                0,
                0,
                0,
                0);
    }
}
