package dev.embargo.intake.messaging;

import static dev.embargo.intake.IntakeTestInfrastructure.triage;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.intake.support.IntakeDatabase;
import dev.embargo.intake.support.Programs;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.Program;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intake keeps each program's revision in force from triage's compacted topic; an older or repeated
 * revision changes nothing.
 */
@QuarkusTest
class ProgramPolicyConsumerTest {

    private static final ProgramFiles FILES = new ProgramFiles();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject IntakeDatabase database;

    @BeforeEach
    void theConsumerIsLive() {
        Programs.publishSeeds();
    }

    @Test
    void aNewProgramAndEachNewerRevisionComeIntoForce() {
        Program first = Programs.copyOfPea2pea("lab-revisions", null, null);
        Programs.publish(first, 1);
        awaitRevision("lab-revisions", 1);

        Programs.publish(first, 2);
        awaitRevision("lab-revisions", 2);
    }

    @Test
    void anOlderOrRepeatedRevisionChangesNothing() throws JsonProcessingException {
        Program program = Programs.copyOfPea2pea("lab-stale", null, null);
        Programs.publish(program, 3);
        awaitRevision("lab-stale", 3);
        String inForce =
                (String)
                        database.row("SELECT document FROM program WHERE slug = 'lab-stale'")
                                .get("document");

        String older = publishRenamed(program, 2, "Older name");
        String repeated = publishRenamed(program, 3, "Repeated name");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                database.count(
                                                        "SELECT count(*) FROM processed_event WHERE"
                                                            + " consumer = 'intake.program-catalog'"
                                                            + " AND event_id IN (?, ?)",
                                                        older,
                                                        repeated))
                                        .isEqualTo(2));

        assertThat(database.row("SELECT revision, document FROM program WHERE slug = 'lab-stale'"))
                .containsEntry("revision", 3)
                .containsEntry("document", inForce);
    }

    private static String publishRenamed(Program program, int revision, String name)
            throws JsonProcessingException {
        ObjectNode document = (ObjectNode) JSON.readTree(FILES.toJson(program));
        document.put("name", name);
        return triage().publish(
                        new ProgramPolicyPublished(
                                program.slug(),
                                revision,
                                Instant.now(),
                                JSON.writeValueAsString(document)));
    }

    private static void awaitRevision(String slug, int revision) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get("/api/v1/programs/" + slug)
                                        .then()
                                        .statusCode(200)
                                        .body("revision", equalTo(revision)));
    }
}
