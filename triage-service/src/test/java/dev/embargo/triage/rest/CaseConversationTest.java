package dev.embargo.triage.rest;

import static dev.embargo.triage.rest.CaseCalls.get;
import static dev.embargo.triage.rest.CaseCalls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Internal notes and messages to the reporter: kept apart, sealed, audited; only messages leave
 * triage.
 */
@QuarkusTest
@TestSecurity(user = "tess", roles = "triager")
class CaseConversationTest {

    private static final String NOTE = "reproduced on main, keep quiet until the fix";
    private static final String MESSAGE = "Thanks, we reproduced it and are working on a fix.";

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    private String caseId;

    @BeforeEach
    void aCase() {
        caseId = intake.openCase();
    }

    @Test
    void staffReadNotesAndMessagesApartAndEachIsAnAuditLine() {
        post(caseId, "/notes", Map.of("text", NOTE))
                .then()
                .statusCode(201)
                .body("author", equalTo("tess"));
        post(caseId, "/messages", Map.of("text", MESSAGE)).then().statusCode(201);

        get(caseId, "/notes").then().statusCode(200).body("text", contains(NOTE));
        get(caseId, "/messages")
                .then()
                .statusCode(200)
                .body("text", contains(MESSAGE))
                .body("[0].fromReporter", equalTo(false));
        get(caseId, "/audit")
                .then()
                .statusCode(200)
                .body("action", hasItems("internal note", "message to the reporter"));
    }

    @Test
    void onlyTheMessageLeavesTriageAndItLeavesSealed() {
        post(caseId, "/notes", Map.of("text", NOTE)).then().statusCode(201);
        post(caseId, "/messages", Map.of("text", MESSAGE)).then().statusCode(201);
        assertThat(database.outboxPayloads("case.message.posted.v1", caseId))
                .singleElement()
                .satisfies(payload -> assertThat(payload).doesNotContain("reproduced"));
        assertThat(database.outboxPayloads("case.message.posted.v1", caseId).toString())
                .doesNotContain("keep quiet");
    }

    @Test
    void anEmptyNoteOrMessageIsRefused() {
        post(caseId, "/notes", Map.of("text", " "))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        post(caseId, "/messages", Map.of("text", ""))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        get(caseId, "/notes").then().body("size()", equalTo(0));
    }
}
