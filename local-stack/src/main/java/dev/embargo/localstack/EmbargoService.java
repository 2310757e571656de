package dev.embargo.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One of the four Embargo services, run from its Quarkus build ({@code target/quarkus-app}). */
public final class EmbargoService extends ProcessComponent {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final int port;
    private final Map<String, String> environment;

    EmbargoService(String name, int port, StackSettings settings, Map<String, String> environment) {
        super(name, settings);
        this.port = port;
        this.environment = environment;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public String endpoint() {
        return baseUrl();
    }

    Path jar() {
        return settings.repository().resolve(name() + "-service/target/quarkus-app/quarkus-run.jar");
    }

    boolean isBuilt() {
        return Files.isRegularFile(jar());
    }

    /** Starts the service unless it runs already; does not wait (see {@link #awaitReady(Duration)}). */
    @Override
    public void start() {
        if (!isBuilt()) {
            throw new StackException(name() + " is not built: " + jar() + " is missing");
        }
        process.start(List.of(Commands.java(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar().toString()),
                environment, settings.runDir().resolve(name()));
    }

    @Override
    public void awaitReady() {
        awaitReady(READY_TIMEOUT);
    }

    /** Waits until {@code /q/health/ready} answers 200: database, Kafka and its channels are up. */
    public void awaitReady(Duration timeout) {
        Readiness.await(process, timeout, () -> Readiness.answers200(baseUrl() + "/q/health/ready"));
    }

    /** Graceful stop: SIGTERM lets in-flight requests and messages finish, then waits for the exit. */
    @Override
    public void stop() {
        super.stop();
    }

    /** SIGKILL: the service dies mid-work, as in a crash or an OOM kill. */
    public void kill() {
        process.kill();
    }

}
