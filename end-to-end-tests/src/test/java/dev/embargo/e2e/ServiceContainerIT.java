package dev.embargo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Capability;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.localstack.FreshPorts;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The path for machines with a Docker engine: each service's image, as this build made it, started
 * by Testcontainers the way Kubernetes runs it (read-only root filesystem, a tmpfs /tmp, no
 * capabilities, no new privileges, its own user) as a second replica next to the test stack. Each
 * must become ready with nothing but what its image holds; a report sent to the intake container is
 * acknowledged through Kafka and triage like any other. Without a Docker engine the class is
 * skipped (./embargo test runs on machines without one; deploy-tests inspects intake's image
 * there).
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmbargoStack.class)
class ServiceContainerIT {

    private static final String VERSION = System.getProperty("embargo.version", "0.1.0-SNAPSHOT");
    private static final Path REPOSITORY = Path.of(System.getProperty("embargo.repo", ".."));

    /** Images loaded into Docker by this run: each tarball once. */
    private static final Set<String> LOADED = ConcurrentHashMap.newKeySet();

    private RunningStack stack;
    private GenericContainer<?> replica;

    @BeforeEach
    void theStack(RunningStack runningStack) {
        stack = runningStack;
    }

    /**
     * Stops the replica as Kubernetes would, with SIGTERM and time to finish: its Kafka consumers
     * leave their groups, so the stack's own services take their partitions back at once
     * (Testcontainers' stop alone kills, and the partitions would wait out the session timeout).
     */
    @AfterEach
    void stopTheReplica() {
        if (replica != null && replica.isRunning()) {
            DockerClientFactory.instance()
                    .client()
                    .stopContainerCmd(replica.getContainerId())
                    .withTimeout(30)
                    .exec();
        }
        if (replica != null) {
            replica.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"intake", "triage", "notify", "advisory"})
    void eachImageRunsAsAReadOnlyUnprivilegedReplicaOfItsService(String service) throws Exception {
        awaitReady(startReplica(service));
        var info = replica.getContainerInfo();
        assertThat(info.getConfig().getUser()).isEqualTo("10001:10001");
        assertThat(info.getHostConfig().getReadonlyRootfs()).isTrue();
        assertThat(replica.getLogs()).as("structured logs").contains("\"loggerName\"");
    }

    @Test
    void aReportSentToTheIntakeContainerIsAcknowledgedLikeAnyOther() throws Exception {
        ReplicaPorts ports = startReplica("intake");
        awaitReady(ports);
        int port = ports.api();

        Reporter reporter = new Reporter("http://127.0.0.1:" + port);
        SubmittedReport report =
                reporter.submit(
                        "moqtail", "Sent to the container", "contained-" + port + "@example.org");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(
                                                reporter.status(
                                                                report.trackingId(),
                                                                report.reporterToken())
                                                        .then()
                                                        .statusCode(200)
                                                        .extract()
                                                        .path("status")
                                                        .toString())
                                        .isEqualTo("acknowledged"));
        // Nothing secret in the logs.
        assertThat(replica.getLogs())
                .doesNotContain(report.reporterToken())
                .doesNotContain("Sent to the container");
    }

    /** The ports a replica listens on: its API and its management interface (health). */
    private record ReplicaPorts(int api, int management) {}

    private static void awaitReady(ReplicaPorts ports) {
        String ready = "http://127.0.0.1:" + ports.management() + "/q/health/ready";
        await().atMost(Duration.ofSeconds(60)).until(() -> get(ready).contains("\"UP\""));
    }

    /**
     * Starts the service's image on the host network, joined to the test stack, on free ports of
     * its own; again on fresh ones if another process took one before the replica bound it.
     */
    private ReplicaPorts startReplica(String service) throws Exception {
        loadTheImageThisBuildMade(service);
        return FreshPorts.retry(
                "The " + service + " replica",
                () ->
                        startReplicaOn(
                                service,
                                new ReplicaPorts(FreshPorts.choose(), FreshPorts.choose())));
    }

    private ReplicaPorts startReplicaOn(String service, ReplicaPorts ports) {
        Map<String, String> environment = new HashMap<>(stack.launcher().serviceEnvironment());
        String prefix = "EMBARGO_" + service.toUpperCase(Locale.ROOT);
        environment.put(prefix + "_PORT", Integer.toString(ports.api()));
        environment.put(prefix + "_MANAGEMENT_PORT", Integer.toString(ports.management()));
        // The stack's own intake reads the mailboxes; one reader is enough for these tests.
        environment.put("EMBARGO_MAIL_INTAKE_ENABLED", "false");
        environment.put("EMBARGO_INTAKE_PUBLIC_URL", "http://localhost:" + ports.api());
        // triage reads the seed programs where the chart mounts them.
        environment.put("EMBARGO_PROGRAMS_DIR", "/etc/embargo/programs");
        // The stack's PostgreSQL, Kafka, Keycloak and mail listen on 127.0.0.1 of this machine.
        replica =
                new GenericContainer<>(
                                DockerImageName.parse("embargo/" + service + "-service:" + VERSION))
                        .withNetworkMode("host")
                        .withEnv(environment)
                        .withFileSystemBind(
                                REPOSITORY.resolve("deploy/programs").toString(),
                                "/etc/embargo/programs",
                                BindMode.READ_ONLY)
                        .withCreateContainerCmdModifier(
                                create ->
                                        create.getHostConfig()
                                                .withReadonlyRootfs(true)
                                                .withTmpFs(Map.of("/tmp", "rw,size=64m"))
                                                .withCapDrop(Capability.ALL)
                                                .withSecurityOpts(List.of("no-new-privileges")))
                        .waitingFor(
                                Wait.forLogMessage(".*Installed features.*", 1)
                                        .withStartupTimeout(Duration.ofSeconds(90)));
        try {
            replica.start();
        } catch (RuntimeException e) {
            replica.stop();
            throw e;
        }
        return ports;
    }

    /**
     * The image is the tarball Jib wrote in this build (./embargo test makes all four where Docker
     * runs); Docker loads it.
     */
    private static void loadTheImageThisBuildMade(String service) throws Exception {
        if (!LOADED.add(service)) {
            return;
        }
        Path tarball = REPOSITORY.resolve(service + "-service/target/jib-image.tar");
        assertThat(tarball)
                .as(
                        service
                                + "'s image: ./embargo test builds it when a Docker engine answers"
                                + " (or ./embargo images)")
                .exists();
        try (InputStream image = Files.newInputStream(tarball)) {
            DockerClientFactory.instance().client().loadImageCmd(image).exec();
        }
    }

    private static String get(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "";
        }
    }
}
