package dev.embargo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One replica of one of the four Embargo services, run from its Quarkus build ({@code
 * <service>-service/target/quarkus-app/quarkus-run.jar}) as a JVM of its own, with its working
 * directory in {@code run/<service>} and its output in {@code logs/<service>.log}. A further
 * replica is named {@code <service>-<replica>} for its directory, log and pid file, listens on a
 * port of its own and shares everything else: databases, Kafka consumer groups, secrets.
 */
public final class EmbargoService extends ProcessComponent {

    /** Replica n listens on the first replica's port plus (n - 1) times this: 8181 for intake-2. */
    static final int REPLICA_PORT_STEP = 100;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** The JDK release whose java records an AOT cache in the run it trains on (JEP 514). */
    private static final int AOT_CACHE_SINCE = 25;

    /**
     * The recording start writes the cache through a buffer as large as the compressed class space,
     * which the stack's metaspace cap shrinks to 128 MiB: too small for triage's classes ("Unable
     * to allocate from 'ro' region"). Only that start lifts the cap (the last flag wins); later
     * starts map the cache outside the capped metaspace.
     */
    static final String RECORDING_METASPACE = "-XX:MaxMetaspaceSize=512m";

    private final String service;
    private final int replica;
    private final int portShift;
    private final int port;
    private final int managementPort;

    /** The first replica, on the service's own port. */
    EmbargoService(String service, StackSettings settings) {
        this(service, 1, settings);
    }

    EmbargoService(String service, int replica, StackSettings settings) {
        super(replica == 1 ? service : service + "-" + replica, settings);
        this.service = service;
        this.replica = replica;
        this.portShift = REPLICA_PORT_STEP * (replica - 1);
        this.port = settings.servicePort(service) + portShift;
        this.managementPort = settings.managementPort(service) + portShift;
    }

    /** {@code intake}, {@code triage}, {@code notify} or {@code advisory}, whichever replica. */
    public String service() {
        return service;
    }

    /** 1 for the service as {@code startServices()} starts it, 2 for its second replica. */
    public int replica() {
        return replica;
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
                .resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
    }

    boolean isBuilt() {
        return Files.isRegularFile(jar());
    }

    /**
     * Starts the replica unless it runs already, and returns without waiting (see {@link
     * #awaitReady(Duration)}). It gets the stack's addresses and secrets in {@code EMBARGO_*}
     * variables, on top of the caller's environment.
     *
     * @throws StackException when the service is not built
     */
    @Override
    public void start() {
        if (!isBuilt()) {
            throw new StackException(
                    service
                            + " is not built: "
                            + jar()
                            + " is missing (./mvnw -DskipTests install)");
        }
        List<String> command = new ArrayList<>();
        command.add(Commands.java());
        command.addAll(settings.serviceJvmOptions());
        command.addAll(startCacheOptions());
        coverageAgent().ifPresent(command::add);
        command.addAll(List.of("-jar", jar().toString()));
        process.start(command, environment(), workingDirectory());
    }

    /**
     * The stack's {@code EMBARGO_*} variables. A further replica shifts the ports it listens on
     * ({@code EMBARGO_<SERVICE>_..._PORT} of its own service), and only those: public links, the
     * console and the other services keep the first replicas' ports.
     */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(ServiceEnvironment.of(settings));
        String ownPrefix = "EMBARGO_" + service.toUpperCase(Locale.ROOT) + "_";
        environment.replaceAll(
                (variable, value) ->
                        variable.startsWith(ownPrefix) && variable.endsWith("_PORT")
                                ? Integer.toString(Integer.parseInt(value) + portShift)
                                : value);
        return environment;
    }

    Path workingDirectory() {
        return settings.runDir().resolve(name());
    }

    /**
     * The JDK's ahead-of-time cache of this replica's classes, loaded and linked (JEP 483): the
     * first start after a build records it and writes it when the service stops (JEP 514), later
     * starts load it (a warm start). A cache older than the build is dropped: the JDK would refuse
     * it anyway.
     */
    Path startCache() {
        return workingDirectory().resolve("quarkus-run.aot");
    }

    /** Forgets the start cache, so that the next start is a first one (a cold start). */
    public void forgetStartCache() {
        try {
            Files.deleteIfExists(startCache());
        } catch (IOException e) {
            throw new StackException("Cannot delete " + startCache() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the next start loads a start cache (a warm start): one the last stop wrote, newer
     * than the build. An empty file is what a recording replica killed before it wrote the cache
     * leaves.
     */
    public boolean hasStartCache() {
        Path cache = startCache();
        try {
            return Files.isRegularFile(cache)
                    && Files.size(cache) > 0
                    && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar()))
                            > 0;
        } catch (IOException e) {
            throw new StackException("Cannot read " + cache + ": " + e.getMessage(), e);
        }
    }

    /**
     * The test stack goes without: it runs fresh builds, each of which a first start would train
     * on, and the training run starts and stops slower than a plain one.
     */
    List<String> startCacheOptions() {
        if (settings.testProfile() || Runtime.version().feature() < AOT_CACHE_SINCE) {
            return List.of();
        }
        Path cache = startCache();
        if (hasStartCache()) {
            return List.of("-XX:AOTCache=" + cache);
        }
        try {
            Files.createDirectories(workingDirectory());
            Files.deleteIfExists(cache);
            return List.of("-XX:AOTCacheOutput=" + cache, RECORDING_METASPACE);
        } catch (IOException e) {
            throw new StackException("Cannot prepare " + startCache() + ": " + e.getMessage(), e);
        }
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
                                                .resolve(
                                                        service + "-service/target/jacoco-e2e.exec")
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
     * has exited, and a replica recording its start cache until it has written it.
     */
    @Override
    public void stop() {
        process.stop(
                recordsStartCache()
                        ? ManagedProcess.RECORDING_STOP_GRACE
                        : ManagedProcess.STOP_GRACE);
    }

    /** Whether a replica started now records its start cache (see {@link #startCacheOptions()}). */
    boolean recordsStartCache() {
        return !settings.testProfile()
                && Runtime.version().feature() >= AOT_CACHE_SINCE
                && !hasStartCache();
    }

    /**
     * SIGKILL, at once: the service dies mid-work, as in a crash or an OOM kill. Waits until it is
     * gone.
     */
    public void kill() {
        process.kill();
    }
}
