package dev.embargo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform as local processes: PostgreSQL, Kafka, Keycloak and a mail server, then the
 * four services. {@code ./embargo} drives it from the command line; the end-to-end tests drive
 * it through this API, in the test profile.
 */
public final class LocalStack {

    public static final List<String> SERVICE_NAMES = List.of("intake", "triage", "notify", "advisory");
    static final String OIDC_CLIENT_SECRET = "embargo-services-local-secret";

    private final StackSettings settings;
    private final Tools tools;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final MailServer mail;
    private final Map<String, EmbargoService> services = new LinkedHashMap<>();
    private final Progress progress = new Progress();

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        this.tools = new Tools(settings);
        this.postgres = new PostgresServer(settings);
        this.kafka = new KafkaBroker(settings, tools);
        this.keycloak = new KeycloakServer(settings, tools);
        this.mail = new MailServer(settings, tools);
        Map<String, Integer> ports = Map.of("intake", settings.intakePort(), "triage", settings.triagePort(),
                "notify", settings.notifyPort(), "advisory", settings.advisoryPort());
        for (String name : SERVICE_NAMES) {
            services.put(name, new EmbargoService(name, ports.get(name), settings, serviceEnvironment()));
        }
    }

    public static LocalStack create(StackSettings settings) {
        return new LocalStack(settings);
    }

    /**
     * Starts PostgreSQL, Kafka, Keycloak and the mail server, creating databases and topics. In
     * the test profile, a previous run's leftovers are stopped and its data deleted first.
     */
    public void startInfrastructure() {
        if (settings.testProfile()) {
            stopAll();
            deleteTree(settings.dataDir());
        }
        progress.step("infrastructure distributions", tools::ensurePresent);
        List<Component> infrastructure = List.of(keycloak, mail, kafka, postgres);
        Map<Component, List<Integer>> ports = Map.of(
                keycloak, List.of(settings.keycloakPort(), settings.keycloakManagementPort()),
                mail, List.of(settings.smtpPort(), settings.imapPort(), settings.mailApiPort()),
                kafka, List.of(settings.kafkaPort(), settings.kafkaControllerPort()),
                postgres, List.of(settings.postgresPort()));
        // Start all, then wait for each: the slow ones (Keycloak) start while the fast ones get ready.
        for (Component component : infrastructure) {
            if (!component.isRunning()) {
                ports.get(component).forEach(port -> ensureFree(component, port));
                component.start();
            }
        }
        for (Component component : infrastructure.reversed()) {
            progress.step(component.name() + " on " + component.endpoint(), component::awaitReady);
        }
    }

    /** Builds the services if their jars are missing, starts them and waits until each is ready. */
    public void startServices() {
        List<EmbargoService> selected = selectedServices();
        if (selected.stream().anyMatch(service -> !service.isBuilt())) {
            progress.step("building the services (first run)", this::buildServices);
        }
        for (EmbargoService service : selected) {
            if (!service.isRunning()) {
                ensureFree(service, service.port());
                service.start();
            }
        }
        for (EmbargoService service : selected) {
            progress.step(service.name() + " on " + service.baseUrl(), service::awaitReady);
        }
    }

    /** One of {@link #SERVICE_NAMES}. */
    public EmbargoService service(String name) {
        EmbargoService service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service named " + name + "; there are " + SERVICE_NAMES);
        }
        return service;
    }

    /** Stops services first, then the infrastructure, and leaves no process behind. */
    public void stopAll() {
        List<Component> order = new ArrayList<>(services.values().stream().map(Component.class::cast).toList().reversed());
        order.addAll(List.of(keycloak, mail, kafka, postgres));
        for (Component component : order) {
            if (component.isRunning()) {
                progress.step("stopped " + component.name(), component::stop);
            }
        }
    }

    /** Stops everything and deletes data, logs and secrets; downloaded distributions stay. */
    public void reset() {
        stopAll();
        deleteTree(settings.dataDir());
        deleteTree(settings.logDir());
        deleteTree(settings.runDir());
        deleteTree(settings.secretsDir());
    }

    /** One line per component: name, running or stopped, where it listens. */
    public List<String> status() {
        List<Component> all = new ArrayList<>(List.of(postgres, kafka, keycloak, mail));
        all.addAll(services.values());
        return all.stream().map(component -> "%-9s %-8s %s".formatted(component.name(),
                component.isRunning() ? "running" : "stopped", component.endpoint())).toList();
    }

    public StackSettings settings() {
        return settings;
    }

    public String keycloakUrl() {
        return settings.keycloakUrl();
    }

    public String mailApiUrl() {
        return "http://127.0.0.1:" + settings.mailApiPort();
    }

    public int imapPort() {
        return settings.imapPort();
    }

    public int smtpPort() {
        return settings.smtpPort();
    }

    public int postgresPort() {
        return settings.postgresPort();
    }

    public String kafkaBootstrap() {
        return settings.kafkaBootstrap();
    }

    /** What every service is told about the stack; anything else comes from the caller's environment. */
    private Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EMBARGO_POSTGRES_HOST", "127.0.0.1");
        environment.put("EMBARGO_POSTGRES_PORT", Integer.toString(settings.postgresPort()));
        environment.put("EMBARGO_KAFKA_BOOTSTRAP", settings.kafkaBootstrap());
        environment.put("EMBARGO_KEYCLOAK_URL", settings.keycloakUrl());
        environment.put("EMBARGO_OIDC_CLIENT_SECRET", OIDC_CLIENT_SECRET);
        environment.put("EMBARGO_SMTP_HOST", "127.0.0.1");
        environment.put("EMBARGO_SMTP_PORT", Integer.toString(settings.smtpPort()));
        environment.put("EMBARGO_INTAKE_PORT", Integer.toString(settings.intakePort()));
        environment.put("EMBARGO_TRIAGE_PORT", Integer.toString(settings.triagePort()));
        environment.put("EMBARGO_NOTIFY_PORT", Integer.toString(settings.notifyPort()));
        environment.put("EMBARGO_ADVISORY_PORT", Integer.toString(settings.advisoryPort()));
        environment.put("EMBARGO_INTAKE_PUBLIC_URL", "http://localhost:" + settings.intakePort());
        environment.put("EMBARGO_ENCRYPTION_KEYS", encryptionKeys());
        // triage loads the programs; the seed programs ship with the checkout.
        environment.put("EMBARGO_PROGRAMS_DIR", settings.repository().resolve("deploy/programs").toString());
        return environment;
    }

    /**
     * The stack's envelope key ring, generated once into {@code secrets/encryption-keys} (mode 600)
     * and kept until {@code reset}: data sealed before a restart must still open after it.
     */
    private String encryptionKeys() {
        Path file = settings.secretsDir().resolve("encryption-keys");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(settings.secretsDir());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, "k1:" + Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new StackException("Cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code EMBARGO_SERVICES} (comma-separated) limits which services start; all four by default. */
    private List<EmbargoService> selectedServices() {
        String selection = System.getenv("EMBARGO_SERVICES");
        if (selection == null) {
            return List.copyOf(services.values());
        }
        return Arrays.stream(selection.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(this::service).toList();
    }

    private void buildServices() {
        Path repository = settings.repository();
        ProcessBuilder builder = new ProcessBuilder(repository.resolve("mvnw").toString(), "-q", "-B", "-DskipTests",
                "install").inheritIO().directory(repository.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            if (builder.start().waitFor() != 0) {
                throw new StackException("The build failed; run ./mvnw install to see why");
            }
        } catch (IOException e) {
            throw new StackException("Cannot run the Maven Wrapper: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while building", e);
        }
    }

    private static void ensureFree(Component component, int port) {
        if (Readiness.portOpen(port)) {
            throw new StackException("Port " + port + " is already taken by another program, so " + component.name()
                    + " cannot start. Stop that program or choose another port (see README: Ports).");
        }
    }

    private static void deleteTree(Path root) {
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

    /** The command line: {@code up [--detach] | down | status | reset | infra-up}. */
    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        boolean detach = Arrays.asList(args).contains("--detach");
        LocalStack stack = create(StackSettings.fromEnvironment());
        try {
            switch (command) {
                case "up" -> stack.up(detach);
                case "infra-up" -> stack.startInfrastructure();
                case "down" -> stack.stopAll();
                case "status" -> stack.status().forEach(System.out::println);
                case "reset" -> stack.reset();
                default -> {
                    System.err.println("Usage: embargo up [--detach] | down | status | reset | test");
                    System.exit(2);
                }
            }
        } catch (StackException e) {
            System.err.println();
            System.err.println("embargo: " + e.getMessage());
            System.exit(1);
        }
    }

    private void up(boolean detach) {
        long started = System.nanoTime();
        startInfrastructure();
        startServices();
        new Summary(this).print((System.nanoTime() - started) / 1_000_000_000.0);
        if (detach) {
            System.out.println("Running in the background. Stop everything with: ./embargo down");
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            stopAll();
        }, "embargo-down"));
        System.out.println("Press Ctrl-C to stop everything.");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
