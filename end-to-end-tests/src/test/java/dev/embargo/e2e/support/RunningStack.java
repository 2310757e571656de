package dev.embargo.e2e.support;

import dev.embargo.localstack.EmbargoService;
import dev.embargo.localstack.LocalStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The platform as the tests see it: the real stack started by the launcher, and clients for each
 * way a user reaches it.
 */
public final class RunningStack {

    private static final Duration SERVICE_START = Duration.ofSeconds(90);

    private final LocalStack stack;

    RunningStack(LocalStack stack) {
        this.stack = stack;
    }

    public Reporter reporter() {
        return new Reporter(serviceUrl("intake"));
    }

    public StaffTokens staffTokens() {
        return new StaffTokens(stack.keycloakUrl());
    }

    /** Integrations administered with an admin's token. */
    public Integrations integrations(String adminToken) {
        return new Integrations(serviceUrl("triage"), stack.keycloakUrl(), adminToken);
    }

    public KeycloakAdmin keycloakAdmin() {
        return new KeycloakAdmin(stack.keycloakUrl());
    }

    public Mailbox mailbox() {
        return new Mailbox(stack.mailApiUrl(), stack.imapPort(), stack.smtpPort());
    }

    public LifecycleEvents lifecycleEvents() {
        return new LifecycleEvents(stack.kafkaBootstrap());
    }

    /** Triage's clock, which the test stack lets an admin run ahead. */
    public TriageClockControl triageClock() {
        return triageClock(stack.service("triage"));
    }

    /** The clock of one triage replica: each keeps its own, so a test running two moves both. */
    public TriageClockControl triageClock(EmbargoService triageReplica) {
        return new TriageClockControl(triageReplica.baseUrl(), staffTokens().of("admin"));
    }

    public String serviceUrl(String name) {
        return stack.service(name).baseUrl();
    }

    /** Where a service serves health, metrics and OpenAPI: {@code http://127.0.0.1:<port>/q}. */
    public String managementUrl(String name) {
        return stack.service(name).managementUrl();
    }

    /** Stops a service gracefully (SIGTERM) and waits until it has exited. */
    public void stop(String name) {
        stack.service(name).stop();
    }

    /** Kills a service at once (SIGKILL): no shutdown hook, no finished work. */
    public void kill(String name) {
        stack.service(name).kill();
    }

    /** Starts a stopped service and waits until it is ready. */
    public void start(String name) {
        EmbargoService service = stack.service(name);
        service.start();
        service.awaitReady(SERVICE_START);
    }

    /**
     * A connection to the service's own database as the service's own role (name = role =
     * password).
     */
    public Connection database(String service) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:%d/%s".formatted(stack.postgresPort(), service),
                service,
                service);
    }

    public LocalStack launcher() {
        return stack;
    }
}
