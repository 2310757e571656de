package dev.embargo.intake.support;

import static dev.embargo.intake.IntakeTestInfrastructure.triage;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.Program;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The programs intake takes reports for, published as triage publishes them ({@code
 * program.policy.published}) and awaited until intake serves them: the seed programs of
 * deploy/programs once for the module, and variants a test needs.
 */
public final class Programs {

    private static final Path SEEDS = Path.of("../deploy/programs");
    private static final ProgramFiles FILES = new ProgramFiles();
    private static boolean seedsPublished;
    private static final Set<String> published = new HashSet<>();

    private Programs() {}

    /**
     * Publishes the seed programs (revision 1) unless done already, and waits until intake lists
     * them.
     */
    public static synchronized void publishSeeds() {
        if (seedsPublished) {
            return;
        }
        List<Program> seeds = FILES.readDirectory(SEEDS);
        seeds.forEach(seed -> publish(seed, 1));
        String[] slugs = seeds.stream().map(Program::slug).toArray(String[]::new);
        // The first poll of a fresh consumer group on a fresh broker can take a while on a busy
        // machine.
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get("/api/v1/programs")
                                        .then()
                                        .statusCode(200)
                                        .body("slug", hasItems(slugs)));
        seedsPublished = true;
    }

    /** Publishes a revision of the program without waiting for intake. */
    public static void publish(Program program, int revision) {
        triage().publish(
                        new ProgramPolicyPublished(
                                program.slug(), revision, Instant.now(), FILES.toJson(program)));
    }

    /**
     * pea2pea's policy under another slug, publishing the given OpenPGP key when one is given, as a
     * team would write it; not yet published.
     */
    public static Program copyOfPea2pea(String slug, String fingerprint, String armoredKey) {
        String yaml = read(SEEDS.resolve("pea2pea.yaml")).replace("slug: pea2pea", "slug: " + slug);
        if (armoredKey != null) {
            yaml =
                    yaml.replace(
                            "openPgp:\n  status: none",
                            "openPgp:\n  status: published\n  fingerprint: "
                                    + fingerprint
                                    + "\n  armoredKey: |\n"
                                    + armoredKey.strip().indent(4));
        }
        return FILES.read(yaml, slug + ".yaml");
    }

    /**
     * pea2pea's policy under another slug, as a v2 program file whose reporters may escalate after
     * {@code after} without an answer; not yet published.
     */
    public static Program copyOfPea2peaEscalatingAfter(String slug, String after) {
        String yaml =
                read(SEEDS.resolve("pea2pea.yaml"))
                        .replace("slug: pea2pea", "slug: " + slug)
                        .replace("embargo.dev/program/v1", "embargo.dev/program/v2")
                        .replace(
                                "\n  disclosure:\n",
                                "\n  escalation:\n    after: "
                                        + after
                                        + "\n    contacts:\n      - { name: Lead, email:"
                                        + " lead@example.org }\n  disclosure:\n");
        return FILES.read(yaml, slug + ".yaml");
    }

    /** Publishes revision 1 of the program unless done already, and waits until intake lists it. */
    public static synchronized void publishAndAwait(Program program) {
        if (published.add(program.slug())) {
            publish(program, 1);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get("/api/v1/programs")
                                        .then()
                                        .statusCode(200)
                                        .body("slug", hasItems(program.slug())));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
