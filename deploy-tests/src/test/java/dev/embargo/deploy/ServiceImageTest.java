package dev.embargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container image of one service, built by Jib during this build (./embargo test asks for
 * intake-service's), inspected as a registry would receive it: who it runs as, what it starts, how
 * it is layered.
 */
class ServiceImageTest {

    private static String service;
    private static ImageTarball image;

    @BeforeAll
    static void readTheImage() throws Exception {
        service = System.getProperty("embargo.image.check", "");
        Assumptions.assumeFalse(
                service.isBlank(),
                "no image asked for: run through ./embargo test, or"
                        + " -Dembargo.image.check=intake-service");
        Path tarball = Repository.root().resolve(service).resolve("target/jib-image.tar");
        assertThat(tarball).as("the image Jib builds in this run").exists();
        image = ImageTarball.read(tarball, path -> path.equals("etc/passwd"));
    }

    @Test
    void theImageIsTaggedWithTheProjectVersionTheChartDeploys() {
        String shortName = service.replace("-service", "");
        Deployment deployment =
                RenderedChart.render(null).named(Deployment.class, "psirt-embargo-" + shortName);

        assertThat(image.reference).isEqualTo("embargo/" + service + ":" + Repository.version());
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo(image.reference);
        // The API's and the management interface's ports.
        List<String> exposed = new ArrayList<>();
        image.config
                .path("config")
                .path("ExposedPorts")
                .fieldNames()
                .forEachRemaining(exposed::add);
        assertThat(exposed)
                .containsExactlyInAnyOrderElementsOf(
                        deployment
                                .getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .getPorts()
                                .stream()
                                .map(port -> port.getContainerPort() + "/tcp")
                                .toList());
    }

    @Test
    void theServiceRunsAsTheUnprivilegedUserTheBaseImageDeclares() {
        assertThat(image.config.path("config").path("User").asText()).isEqualTo("10001:10001");
        ImageTarball.Entry passwd =
                image.layers.get(0).entries().stream()
                        .filter(e -> e.path().equals("etc/passwd"))
                        .findFirst()
                        .orElseThrow();
        assertThat(new String(passwd.content(), StandardCharsets.UTF_8))
                .contains("embargo:x:10001:10001:");
    }

    @Test
    void theEntrypointStartsQuarkusWithTheImagesOwnJavaRuntime() {
        List<String> entrypoint = new ArrayList<>();
        image.config.path("config").path("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));

        assertThat(entrypoint)
                .startsWith("/opt/java/bin/java")
                .endsWith("-jar", "/deployments/quarkus-run.jar");
        assertThat(entrypoint)
                .as("the heap sized once, from the pod's memory limit")
                .contains("-XX:InitialRAMPercentage=17.0", "-XX:MaxRAMPercentage=17.0");
        assertThat(paths(0))
                .contains(
                        "opt/java/bin/java",
                        "opt/java/lib/server/libjvm.so",
                        "lib/x86_64-linux-gnu/libc.so.6");
        assertThat(paths(3)).contains("deployments/quarkus-run.jar");
    }

    @Test
    void theImageHasNoShellAndNothingWritableByTheServiceUser() {
        List<ImageTarball.Entry> all =
                image.layers.stream().flatMap(l -> l.entries().stream()).toList();

        assertThat(all)
                .extracting(ImageTarball.Entry::path)
                .doesNotContain("bin/sh", "usr/bin/sh", "bin/bash");
        assertThat(all)
                .filteredOn(e -> !e.path().equals("tmp") && e.type() != '2')
                .allSatisfy(
                        e -> {
                            assertThat(e.uid()).as(e.path()).isZero();
                            assertThat(e.mode() & 0002).as("world-writable " + e.path()).isZero();
                        });
    }

    @Test
    void layersGoFromRarelyToOftenChangingSoACodeChangeShipsOnlyTheSmallestLayer() {
        assertThat(image.layers).hasSize(4);
        assertThat(paths(1))
                .allMatch(p -> p.equals("deployments") || p.startsWith("deployments/lib"));
        assertThat(paths(2))
                .allMatch(p -> p.equals("deployments") || p.startsWith("deployments/quarkus"));
        // The application's own jar and the files beside quarkus-run.jar (plus directory entries).
        assertThat(paths(3))
                .allMatch(
                        p -> p.startsWith("deployments/app") || p.matches("deployments(/[^/]+)?"));
        assertThat(paths(3))
                .noneMatch(
                        p ->
                                p.startsWith("deployments/lib/")
                                        || p.startsWith("deployments/quarkus/"));
        assertThat(image.layers.get(3).compressedSize())
                .as("application layer")
                .isLessThan(1 << 20);
        // Jib's layout for plain jars (/app/libs, /app/classes) is dropped, not shipped twice.
        assertThat(image.layers)
                .flatMap(ImageTarball.Layer::entries)
                .extracting(ImageTarball.Entry::path)
                .noneMatch(p -> p.startsWith("app/") || p.equals("app"));
    }

    @Test
    void theImageIsDatedAtTheEpochAndLabelledWithItsVersion() {
        assertThat(image.config.path("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(
                        image.config
                                .path("config")
                                .path("Labels")
                                .path("org.opencontainers.image.version")
                                .asText())
                .isEqualTo(Repository.version());
        assertThat(
                        image.config
                                .path("config")
                                .path("Labels")
                                .path("dev.embargo.java.version")
                                .asText())
                .matches("2[1-9].*|[3-9][0-9].*");
    }

    @Test
    void theChartDeploysTheVersionTheBuildMakes() throws Exception {
        String chart = Files.readString(Repository.chart().resolve("Chart.yaml"));

        assertThat(chart).contains("appVersion: \"" + Repository.version() + "\"");
    }

    private static List<String> paths(int layer) {
        return image.layers.get(layer).entries().stream().map(ImageTarball.Entry::path).toList();
    }
}
