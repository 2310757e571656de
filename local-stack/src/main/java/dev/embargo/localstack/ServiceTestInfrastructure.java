package dev.embargo.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        POSTGRES,
        KAFKA
    }

    /** The instance the service under test uses; this resource runs in the tests' JVM. */
    private static volatile ServiceTestInfrastructure running;

    private String service = "service";
    private PostgresServer postgres;
    private KafkaBroker kafka;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        Path repository = StackSettings.findRepository();
        StackSettings settings =
                settings(repository, repository.resolve(".embargo/service-tests").resolve(service));
        LocalStack.deleteTree(settings.dataDir());
        LocalStack.deleteTree(settings.logDir());
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
        postgres = new PostgresServer(settings);
        kafka = new KafkaBroker(settings, tools);
        Parallel.forEach(
                List.<Component>of(postgres, kafka),
                component -> {
                    component.start();
                    component.awaitReady();
                });
        running = this;
        return configuration(settings);
    }

    @Override
    public void stop() {
        running = null;
        Parallel.forEach(
                List.<Component>of(kafka, postgres),
                component -> {
                    if (component != null) {
                        component.stop();
                    }
                });
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
                dependency == Dependency.POSTGRES ? instance.postgres : instance.kafka;
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
    static StackSettings settings(Path repository, Path home) {
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
                freePort(),
                freePort(),
                freePort(),
                0,
                0,
                0,
                0);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }
}
