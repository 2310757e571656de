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
        String yaml;
        try {
            yaml = Files.readString(Path.of("../deploy/programs/pea2pea.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        yaml =
                yaml.replace("slug: pea2pea", "slug: " + slug)
                        .replace("name: pea2pea", "name: " + name)
                        .replace(
                                "openPgp:\n  status: none",
                                "openPgp:\n  status: published\n  fingerprint: "
                                        + fingerprint
                                        + "\n  armoredKey: |\n"
                                        + indent(armoredKey));
        given().auth()
                .oauth2(stack.staffTokens().of("admin"))
                .contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .when()
                .put(stack.serviceUrl("triage") + "/api/v1/programs/" + slug)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get(
                                                stack.serviceUrl("intake")
                                                        + "/api/v1/programs/"
                                                        + slug
                                                        + "/openpgp-key.asc")
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
