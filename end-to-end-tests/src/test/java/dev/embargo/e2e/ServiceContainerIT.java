package dev.embargo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Capability;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The path for machines with a Docker engine: intake's image, as this build made it, started by
 * Testcontainers the way Kubernetes runs it (read-only root filesystem, a tmpfs /tmp, no
 * capabilities, no new privileges, its own user) as a second intake next to the test stack. A report
 * sent to the container is acknowledged through Kafka and triage like any other: the image holds
 * everything the service needs. Without a Docker engine the test is skipped (./embargo test runs on
 * machines without one); deploy-tests inspects the image there.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmbargoStack.class)
class ServiceContainerIT {

    private static final String VERSION = System.getProperty("embargo.version", "0.1.0-SNAPSHOT");
    private static final DockerImageName INTAKE_IMAGE = DockerImageName.parse("embargo/intake-service:" + VERSION);

    private RunningStack stack;
    private GenericContainer<?> intake;
    private int port;

    @BeforeEach
    void startIntakeFromItsImage(RunningStack runningStack) throws Exception {
        stack = runningStack;
        loadTheImageThisBuildMade();
        port = freePort();
        Map<String, String> environment = new HashMap<>(stack.launcher().serviceEnvironment());
        environment.put("EMBARGO_INTAKE_PORT", Integer.toString(port));
        environment.put("EMBARGO_INTAKE_PUBLIC_URL", "http://localhost:" + port);
        // The stack's own intake reads the mailboxes; one reader is enough for this test.
        environment.put("EMBARGO_MAIL_INTAKE_ENABLED", "false");
        // The stack's PostgreSQL, Kafka, Keycloak and mail listen on 127.0.0.1 of this machine.
        intake = new GenericContainer<>(INTAKE_IMAGE)
                .withNetworkMode("host")
                .withEnv(environment)
                .withCreateContainerCmdModifier(create -> create.getHostConfig()
                        .withReadonlyRootfs(true)
                        .withTmpFs(Map.of("/tmp", "rw,size=64m"))
                        .withCapDrop(Capability.ALL)
                        .withSecurityOpts(List.of("no-new-privileges")))
                .waitingFor(Wait.forLogMessage(".*Installed features.*", 1).withStartupTimeout(Duration.ofSeconds(90)));
        intake.start();
    }

    @AfterEach
    void stopTheContainer() {
        if (intake != null) {
            intake.stop();
        }
    }

    @Test
    void aReportSentToTheContainerIsAcknowledgedLikeAnyOther() throws Exception {
        String base = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(60)).until(() -> get(base + "/q/health/ready").contains("\"UP\""));

        Reporter reporter = new Reporter(base);
        SubmittedReport report = reporter.submit("moqtail", "Sent to the container", "contained-" + port + "@example.org");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                reporter.status(report.trackingId(), report.reporterToken()).then().statusCode(200)
                        .extract().path("status").toString()).isEqualTo("acknowledged"));
        var config = intake.getContainerInfo().getConfig();
        assertThat(config.getUser()).isEqualTo("10001:10001");
        assertThat(intake.getContainerInfo().getHostConfig().getReadonlyRootfs()).isTrue();
        // Structured logs, and nothing secret in them.
        assertThat(intake.getLogs()).contains("\"loggerName\"").doesNotContain(report.reporterToken())
                .doesNotContain("Sent to the container");
    }

    /** The image is the tarball Jib wrote in this build (./embargo test makes intake's); Docker loads it. */
    private static void loadTheImageThisBuildMade() throws Exception {
        Path tarball = Path.of(System.getProperty("embargo.repo", "..")).resolve("intake-service/target/jib-image.tar");
        assertThat(tarball).as("intake's image: ./embargo test builds it (-Dembargo.image.check=intake-service)").exists();
        try (InputStream image = Files.newInputStream(tarball)) {
            DockerClientFactory.instance().client().loadImageCmd(image).exec();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }
}
