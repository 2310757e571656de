package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Programs a test needs beyond the seeds, published the way an admin does: a policy file put to
 * triage.
 */
public final class Programs {

    private Programs() {}

    /**
     * Publishes pea2pea's policy under another slug and name, with an OpenPGP key, and waits until
     * intake serves the key (intake learns programs from triage's events).
     */
    public static void publishCopyOfPea2pea(
            RunningStack stack, String slug, String name, String fingerprint, String armoredKey) {
        publish(
                stack,
                slug,
                seed("pea2pea")
                        .replace("slug: pea2pea", "slug: " + slug)
                        .replace("name: pea2pea", "name: " + name)
                        .replace(
                                "openPgp:\n  status: none",
                                "openPgp:\n  status: published\n  fingerprint: "
                                        + fingerprint
                                        + "\n  armoredKey: |\n"
                                        + indent(armoredKey)));
        awaitAtIntake(stack, slug, "/openpgp-key.asc");
    }

    /** Publishes moqtail's policy under another slug and waits until intake knows the program. */
    public static void publishCopyOfMoqtail(RunningStack stack, String slug) {
        publish(stack, slug, seed("moqtail").replace("slug: moqtail", "slug: " + slug));
        awaitAtIntake(stack, slug, "");
    }

    /**
     * Publishes moqtail's policy under another slug as format v2 with the program as its own CNA,
     * so that triage keeps a pool of CVE IDs for it and runs the CNA clock.
     */
    public static void publishCnaCopyOfMoqtail(RunningStack stack, String slug) {
        publish(
                stack,
                slug,
                seed("moqtail")
                                .replace("embargo.dev/program/v1", "embargo.dev/program/v2")
                                .replace("slug: moqtail", "slug: " + slug)
                        + "\ncve: { route: own-cna, cnaShortName: "
                        + slug
                        + " }\n");
        awaitAtIntake(stack, slug, "");
    }

    private static String seed(String slug) {
        try {
            return Files.readString(Path.of("../deploy/programs/" + slug + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void publish(RunningStack stack, String slug, String yaml) {
        given().auth()
                .oauth2(stack.staffTokens().of("admin"))
                .contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .when()
                .put(stack.serviceUrl("triage") + "/api/v1/programs/" + slug)
                .then()
                .statusCode(200);
    }

    private static void awaitAtIntake(RunningStack stack, String slug, String path) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get(
                                                stack.serviceUrl("intake")
                                                        + "/api/v1/programs/"
                                                        + slug
                                                        + path)
                                        .then()
                                        .statusCode(200));
    }

    private static String indent(String text) {
        return text.strip()
                        .lines()
                        .map(line -> "    " + line)
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse("")
                + "\n";
    }
}
