package dev.embargo.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One of the four Embargo services, run from its Quarkus build ({@code
 * <service>-service/target/quarkus-app/quarkus-run.jar}) as a JVM of its own, with its working
 * directory in {@code run/<service>} and its output in {@code logs/<service>.log}.
 */
public final class EmbargoService extends ProcessComponent {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final int port;
    private final int managementPort;

    EmbargoService(String name, StackSettings settings) {
        super(name, settings);
        this.port = settings.servicePort(name);
        this.managementPort = settings.managementPort(name);
    }

    /** The HTTP port it listens on. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * {@code http://127.0.0.1:<management port>/q}: health, metrics and OpenAPI, which the public
     * port does not serve.
     */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort + "/q";
    }

    @Override
    public String endpoint() {
        return baseUrl();
    }

    @Override
    public List<Integer> ports() {
        return List.of(port, managementPort);
    }

    Path jar() {
        return settings.repository()
                .resolve(name() + "-service/target/quarkus-app/quarkus-run.jar");
    }

    boolean isBuilt() {
        return Files.isRegularFile(jar());
    }

    /**
     * Starts the service unless it runs already, and returns without waiting (see {@link
     * #awaitReady(Duration)}). It gets the stack's addresses and secrets in {@code EMBARGO_*}
     * variables, on top of the caller's environment.
     *
     * @throws StackException when the service is not built
     */
    @Override
    public void start() {
        if (!isBuilt()) {
            throw new StackException(
                    name()
                            + " is not built: "
                            + jar()
                            + " is missing (./mvnw -DskipTests install)");
        }
        List<String> command = new ArrayList<>();
        command.add(Commands.java());
        command.addAll(settings.serviceJvmOptions());
        coverageAgent().ifPresent(command::add);
        command.addAll(List.of("-jar", jar().toString()));
        process.start(command, ServiceEnvironment.of(settings), settings.runDir().resolve(name()));
    }

    /**
     * With {@code EMBARGO_COVERAGE_AGENT} (JaCoCo's agent jar; {@code ./embargo test} sets it) the
     * service records which of its code the end-to-end suite ran, next to its own tests' record.
     */
    private Optional<String> coverageAgent() {
        return Optional.ofNullable(System.getenv("EMBARGO_COVERAGE_AGENT"))
                .filter(agent -> !agent.isBlank())
                .map(
                        agent ->
                                "-javaagent:"
                                        + agent
                                        + "=destfile="
                                        + settings.repository()
                                                .resolve(name() + "-service/target/jacoco-e2e.exec")
                                        + ",append=true,includes=dev.embargo.*");
    }

    @Override
    public void awaitReady() {
        awaitReady(READY_TIMEOUT);
    }

    /**
     * Waits until {@code /q/health/ready} on the management port answers 200 (its database, Kafka
     * and its channels are up).
     *
     * @throws StackException when the service exits or is not ready in time, with the end of its
     *     log
     */
    public void awaitReady(Duration timeout) {
        Readiness.await(
                process, timeout, () -> Readiness.answers200(managementUrl() + "/health/ready"));
    }

    /**
     * Waits until intake lists at least one program: triage publishes the programs when it starts,
     * and a report sent before they reached intake would be refused as for an unknown program.
     */
    void awaitPrograms(Duration timeout) {
        Readiness.await(
                process,
                timeout,
                () -> Readiness.answersNonEmptyList(baseUrl() + "/api/v1/programs"));
    }

    /**
     * Graceful stop: SIGTERM lets in-flight requests and messages finish; waits until the process
     * has exited.
     */
    @Override
    public void stop() {
        super.stop();
    }

    /**
     * SIGKILL, at once: the service dies mid-work, as in a crash or an OOM kill. Waits until it is
     * gone.
     */
    public void kill() {
        process.kill();
    }
}
