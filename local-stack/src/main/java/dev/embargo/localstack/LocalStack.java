package dev.embargo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform as local processes: PostgreSQL, Kafka, Keycloak and a mail server, then the
 * four services. {@code ./embargo} drives it from the command line ({@link #main(String[])}); the
 * end-to-end tests drive it through this API, in the test profile:
 *
 * <pre>{@code
 * LocalStack stack = LocalStack.create(StackSettings.fromEnvironment());
 * stack.startAll(); // or startInfrastructure(), then startServices()
 * stack.service("triage").kill();
 * EmbargoService notify2 = stack.startReplica("notify");
 * ...
 * stack.stopAll();
 * }</pre>
 *
 * Every process the stack starts outlives this object and this JVM (it has a pid file under {@code
 * run/}), so another {@code LocalStack} on the same settings, in another process, finds, reuses and
 * stops it.
 */
public final class LocalStack {

    private final StackSettings settings;
    private final Tools tools;
    private final PostgresServer postgres;
    private final List<Component> infrastructure;
    private final Map<String, EmbargoService> services = new LinkedHashMap<>();
    private final Map<String, EmbargoService> secondReplicas = new LinkedHashMap<>();
    private volatile boolean shuttingDown;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        this.tools = new Tools(settings);
        this.postgres = new PostgresServer(settings);
        this.infrastructure =
                InfrastructureContainers.requested()
                        ? InfrastructureContainers.of(settings)
                        : List.of(
                                postgres,
                                new KafkaBroker(settings, tools),
                                new KeycloakServer(settings, tools),
                                new MailServer(settings, tools));
        for (String name : StackSettings.ALL_SERVICES) {
            services.put(name, new EmbargoService(name, settings));
            secondReplicas.put(name, new EmbargoService(name, 2, settings));
        }
    }

    /** A stack on these settings; starts nothing. */
    public static LocalStack create(StackSettings settings) {
        return new LocalStack(settings);
    }

    /**
     * Starts PostgreSQL, Kafka, Keycloak and the mail server side by side and returns once all are
     * ready, with the services' databases and roles, the Kafka topics and the Keycloak realm in
     * place. Components already running are reused. In the test profile, whatever a previous run
     * left is stopped and its data and logs deleted first.
     *
     * @throws StackException when a port is taken by another program, or a component fails to start
     *     (with the end of its log)
     */
    public void startInfrastructure() {
        prepareInfrastructure();
        Parallel.forEach(infrastructure, this::bringUp);
    }

    private void prepareInfrastructure() {
        if (settings.testProfile()) {
            stopAll();
            deleteData();
            deleteTree(settings.logDir());
        }
        if (!tools.present() && !InfrastructureContainers.requested()) {
            Progress.step("fetching Kafka, Keycloak and GreenMail (once)", tools::fetch);
        }
        requireFreePorts(infrastructure);
    }

    /**
     * Starts the services {@link StackSettings#services()} names (all four by default) side by side
     * and returns once each is ready. Builds the project first if a service's jar is missing.
     *
     * @throws StackException when the build fails, a port is taken, or a service fails to start
     */
    public void startServices() {
        bringUpServices(prepareServices());
    }

    /**
     * Starts the infrastructure and the services and returns once all are ready, as {@link
     * #startInfrastructure()} then {@link #startServices()} would, only sooner: the services start
     * while Keycloak still does ({@link StartOrder}).
     *
     * @throws StackException as those two do
     */
    public void startAll() {
        prepareInfrastructure();
        List<EmbargoService> selected = prepareServices();
        StartOrder.bringUp(infrastructure, this::bringUp, () -> bringUpServices(selected));
    }

    /** The selected services, built (the first time) and with their ports free. */
    private List<EmbargoService> prepareServices() {
        List<EmbargoService> selected = settings.services().stream().map(this::service).toList();
        if (selected.stream().anyMatch(service -> !service.isBuilt())) {
            Progress.step(
                    "building the services (./mvnw -q -B -DskipTests install; first run only)",
                    this::buildServices);
        }
        requireFreePorts(selected);
        return selected;
    }

    private void bringUpServices(List<EmbargoService> selected) {
        Parallel.forEach(selected, this::bringUp);
        if (settings.services().containsAll(List.of("intake", "triage"))) {
            Progress.step(
                    "programs published to intake",
                    () -> service("intake").awaitPrograms(Duration.ofSeconds(60)));
        }
    }

    /**
     * One of the four services, whether it runs or not.
     *
     * @param name {@code intake}, {@code triage}, {@code notify} or {@code advisory}
     * @throws IllegalArgumentException for any other name
     */
    public EmbargoService service(String name) {
        StackSettings.requireKnownService(name);
        return services.get(name);
    }

    /**
     * One replica of a service, whether it runs or not. The second runs beside the first as the
     * chart's replicas do: its own port (the first's + 100), log, pid file and working directory;
     * the same databases, Kafka consumer groups and secrets.
     *
     * @param replica 1 (the one {@link #service(String)} returns) or 2
     * @throws IllegalArgumentException for an unknown service or another replica number
     */
    public EmbargoService replica(String name, int replica) {
        return switch (replica) {
            case 1 -> service(name);
            case 2 -> {
                StackSettings.requireKnownService(name);
                yield secondReplicas.get(name);
            }
            default ->
                    throw new IllegalArgumentException(
                            "The local stack runs one or two replicas of a service, not "
                                    + replica);
        };
    }

    /**
     * Starts a service's second replica unless it runs, and returns it once it is ready; {@link
     * #stopAll()} stops it with the rest.
     *
     * @throws StackException when its port is taken or it fails to start
     */
    public EmbargoService startReplica(String name) {
        EmbargoService second = replica(name, 2);
        requireFreePorts(List.of(second));
        bringUp(second);
        return second;
    }

    /**
     * Stops the services (every replica), then the infrastructure, and waits until no process of
     * the stack is left.
     */
    public void stopAll() {
        stop(allReplicas().toList());
        stopInfrastructure();
    }

    /**
     * Stops everything for good: a start still under way starts nothing more (Ctrl-C during {@code
     * up}).
     */
    void shutDown() {
        shuttingDown = true;
        stopAll();
    }

    /** Stops PostgreSQL, Kafka, Keycloak and the mail server (services should be stopped first). */
    public void stopInfrastructure() {
        stop(infrastructure);
    }

    /**
     * Stops everything and deletes data, secrets, logs and pid files; fetched distributions stay.
     */
    public void reset() {
        stopAll();
        deleteData();
        deleteTree(settings.secretsDir());
        deleteTree(settings.logDir());
        deleteTree(settings.runDir());
    }

    /**
     * One line per component: name, running or stopped, pid, where it listens. Second replicas are
     * listed while they run.
     */
    public List<String> status() {
        List<Component> all = new ArrayList<>(infrastructure);
        all.addAll(services.values());
        secondReplicas.values().stream().filter(Component::isRunning).forEach(all::add);
        return all.stream()
                .map(
                        component ->
                                "%-10s %-8s %-11s %s"
                                        .formatted(
                                                component.name(),
                                                component.isRunning() ? "running" : "stopped",
                                                component.pid().stream()
                                                        .mapToObj(pid -> "pid " + pid)
                                                        .findFirst()
                                                        .orElse("-"),
                                                component.endpoint()))
                .toList();
    }

    boolean anyRunning() {
        return Stream.concat(infrastructure.stream(), allReplicas()).anyMatch(Component::isRunning);
    }

    private Stream<EmbargoService> allReplicas() {
        return Stream.concat(services.values().stream(), secondReplicas.values().stream());
    }

    /** The settings this stack runs on: ports, directories, profile. */
    public StackSettings settings() {
        return settings;
    }

    /**
     * The {@code EMBARGO_*} variables the launcher gives every service: how a service started
     * another way (a container of its image, say) joins this stack.
     */
    public java.util.Map<String, String> serviceEnvironment() {
        return ServiceEnvironment.of(settings);
    }

    /**
     * Keycloak's base URL, {@code http://127.0.0.1:<port>}; the realm is {@code /realms/embargo}.
     */
    public String keycloakUrl() {
        return settings.keycloakUrl();
    }

    /**
     * GreenMail's HTTP API, {@code http://127.0.0.1:<port>}; messages at {@code
     * /api/user/<address>/messages/INBOX/}.
     */
    public String mailApiUrl() {
        return settings.mailApiUrl();
    }

    /** IMAP on 127.0.0.1: any user name (the address) reads that mailbox, with any password. */
    public int imapPort() {
        return settings.imapPort();
    }

    /** SMTP on 127.0.0.1, without authentication. */
    public int smtpPort() {
        return settings.smtpPort();
    }

    /** PostgreSQL on 127.0.0.1; database, role and password are each the service's name. */
    public int postgresPort() {
        return settings.postgresPort();
    }

    /** Kafka's bootstrap servers, {@code 127.0.0.1:<port>}. */
    public String kafkaBootstrap() {
        return settings.kafkaBootstrap();
    }

    /** The command line behind {@code ./embargo}; see {@link CommandLine}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(args).run());
    }

    /**
     * Starts the component unless it runs (or the stack is shutting down), then waits until it is
     * ready.
     */
    private void bringUp(Component component) {
        long started = System.nanoTime();
        boolean wasRunning = component.isRunning();
        if (!wasRunning) {
            if (shuttingDown) {
                throw new StackException(
                        component.name() + " not started: the stack is shutting down");
            }
            component.start();
        }
        try {
            component.awaitReady();
        } catch (RuntimeException e) {
            Progress.failed(component.name());
            throw e;
        }
        String pid = component.pid().stream().mapToObj(Long::toString).findFirst().orElse("?");
        Progress.done(
                component.name()
                        + (wasRunning ? " was running already (pid " + pid + ") on " : " ready on ")
                        + component.endpoint(),
                started);
    }

    private void stop(List<? extends Component> components) {
        Parallel.forEach(
                components.stream().filter(Component::isRunning).toList(),
                component -> {
                    long started = System.nanoTime();
                    component.stop();
                    Progress.done("stopped " + component.name(), started);
                });
    }

    /**
     * Every port of a component that is not running must be free: otherwise another program has it.
     */
    private static void requireFreePorts(List<? extends Component> components) {
        List<String> taken = new ArrayList<>();
        for (Component component : components) {
            if (!component.isRunning()) {
                component.ports().stream()
                        .filter(Readiness::portOpen)
                        .forEach(port -> taken.add("port " + port + " (" + component.name() + ")"));
            }
        }
        if (!taken.isEmpty()) {
            throw new StackException(
                    "Another program listens on "
                            + String.join(", ", taken)
                            + ". Stop it (see 'ss -ltnp') or move the stack to other ports with the"
                            + " EMBARGO_*_PORT variables.");
        }
    }

    private void buildServices() {
        Path repository = settings.repository();
        ProcessBuilder builder =
                new ProcessBuilder(
                                repository.resolve("mvnw").toString(),
                                "-q",
                                "-B",
                                "-DskipTests",
                                "install")
                        .inheritIO()
                        .directory(repository.toFile());
        builder.environment().put("JAVA_HOME", Commands.javaHome());
        try {
            if (builder.start().waitFor() != 0) {
                throw new StackException(
                        "The build failed; run ./mvnw -DskipTests install to see why");
            }
        } catch (IOException e) {
            throw new StackException("Cannot run the Maven Wrapper: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while building", e);
        }
    }

    private void deleteData() {
        deleteTree(settings.dataDir());
        deleteTree(postgres.fallbackRoot());
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new StackException("Cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
