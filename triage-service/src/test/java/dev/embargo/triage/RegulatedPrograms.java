package dev.embargo.triage;

import static io.restassured.RestAssured.given;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Programs with a CVE route and an EU market, and a case of each. Their program files are pea2pea's
 * under a fresh slug; the program format v2's {@code cve} and {@code euMarket} are written into the
 * stored document once the case is open (its revision parsed), which is all triage reads them from.
 */
@ApplicationScoped
public class RegulatedPrograms {

    private final IntakeEvents intake;
    private final TriageDatabase database;

    RegulatedPrograms(IntakeEvents intake, TriageDatabase database) {
        this.intake = intake;
        this.database = database;
    }

    /**
     * A case of a new program whose document says {@code v2Fields}, e.g. {@code "cve": {"route":
     * "own-cna"}}: the program's slug and the case id. The caller may change programs.
     */
    public Opened openCase(String v2Fields) {
        String slug = "reg-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/yaml")
                .body(
                        pea2pea()
                                .replace("slug: pea2pea", "slug: " + slug)
                                .getBytes(StandardCharsets.UTF_8))
                .when()
                .put("/api/v1/programs/" + slug)
                .then()
                .statusCode(200);
        String caseId =
                intake.openCase(
                        slug,
                        "Use-after-free in handshake",
                        "A peer that disconnects mid-handshake frees a buffer still in use.");
        try {
            database.inTransaction(
                    "UPDATE program_revision SET document = (document::jsonb || '{"
                            + v2Fields.replace("'", "''")
                            + "}'::jsonb)::text WHERE slug = '"
                            + slug
                            + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Opened(slug, caseId);
    }

    private static String pea2pea() {
        try {
            return Files.readString(Path.of("../deploy/programs/pea2pea.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A program and its case. */
    public record Opened(String slug, String caseId) {}
}
