package dev.embargo.triage.rest;

import static dev.embargo.triage.rest.CaseCalls.get;
import static dev.embargo.triage.rest.CaseCalls.move;
import static dev.embargo.triage.rest.CaseCalls.post;
import static dev.embargo.triage.rest.CaseCalls.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case lifecycle as staff drive it: allowed moves are an audit line and an event, refused ones
 * a problem.
 */
@QuarkusTest
@TestSecurity(user = "tess", roles = "triager")
class CaseTransitionsTest {

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    private String caseId;

    @BeforeEach
    void anAcknowledgedCase() {
        caseId = intake.openCase();
    }

    @Test
    void aCaseMovesThroughTriageAndEachMoveIsAnAuditLineAndASealedEvent() {
        move(caseId, "triaging", "Reproducing with the PoC")
                .then()
                .statusCode(200)
                .body("state", equalTo("triaging"))
                .body("allowedTransitions", hasItems("accepted", "needs_info", "duplicate"));
        move(caseId, "accepted", "Confirmed: O(n^2) path expansion")
                .then()
                .statusCode(200)
                .body("state", equalTo("accepted"));

        get(caseId, "/audit")
                .then()
                .statusCode(200)
                .body(
                        "action",
                        contains(
                                "opened under program moqtail revision 1, acknowledged",
                                "state acknowledged -> triaging",
                                "state triaging -> accepted"))
                .body("[2].actor", equalTo("tess"))
                .body("[2].detail", equalTo("Confirmed: O(n^2) path expansion"));
        // The reason is staff's words about the vulnerability: sealed on Kafka.
        assertThat(database.outboxPayloads("case.state.changed.v1", caseId))
                .hasSize(2)
                .allSatisfy(payload -> assertThat(payload).doesNotContain("PoC", "O(n^2)"));
    }

    @Test
    void anIllegalMoveIsAConflictThatNamesTheAllowedOnesAndChangesNothing() {
        move(caseId, "published")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://embargo.dev/problems/illegal-transition"))
                .body("detail", containsString("acknowledged cannot move to published"))
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].message", equalTo("allowed: [triaging, duplicate, spam]"));
        get(caseId, "").then().statusCode(200).body("state", equalTo("acknowledged"));
        assertThat(database.outboxEvents("case.state.changed.v1", caseId)).isZero();
    }

    @Test
    void aClosedCaseMayNotMoveAtAll() {
        move(caseId, "spam").then().statusCode(200).body("allowedTransitions", contains("closed"));
        move(caseId, "closed").then().statusCode(200).body("allowedTransitions", empty());
        move(caseId, "triaging")
                .then()
                .statusCode(409)
                .body("detail", containsString("nothing (closed)"));
    }

    @Test
    void aCaseDecidedOutOfScopeCanOnlyBeClosedAsOutOfScope() {
        move(caseId, "triaging").then().statusCode(200);
        put(caseId, "/scope", Map.of("scopeClass", "hardware"))
                .then()
                .statusCode(200)
                .body("inScope", equalTo(false));
        move(caseId, "accepted")
                .then()
                .statusCode(409)
                .body("errors[0].message", equalTo("allowed: [out_of_scope]"));
        move(caseId, "out_of_scope", "Hardware is out of scope").then().statusCode(200);
    }

    @Test
    void aPublishedCaseOfAPolicyWithAPostMortemClosesOnlyAfterIt() {
        for (String state : new String[] {"triaging", "accepted", "fixing", "published"}) {
            move(caseId, state).then().statusCode(200);
        }
        move(caseId, "closed")
                .then()
                .statusCode(409)
                .body("errors[0].message", equalTo("allowed: [post_mortem]"));
        move(caseId, "post_mortem").then().statusCode(200);
        move(caseId, "closed").then().statusCode(200).body("state", equalTo("closed"));
    }

    @Test
    void anUnknownStateIsABadRequestNamingTheStates() {
        move(caseId, "pending")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("needs_info"));
        move(caseId, " ").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        move(UUID.randomUUID().toString(), "triaging")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        move("not-a-uuid", "triaging")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aDuplicatePointsAtTheFirstReportAndEveryReporterIsKeptForCredit() {
        String second = intake.openCase();
        String third = intake.openCase();
        String originalTracking = get(caseId, "").then().extract().path("trackingId");
        move(second, "triaging").then().statusCode(200);
        markDuplicate(second, originalTracking)
                .then()
                .statusCode(200)
                .body("state", equalTo("duplicate"))
                .body("duplicateOf", equalTo(caseId));
        // A duplicate of a duplicate counts for the vulnerability's first report.
        markDuplicate(third, second).then().statusCode(200).body("duplicateOf", equalTo(caseId));

        get(caseId, "/reporters")
                .then()
                .statusCode(200)
                .body("caseId", contains(caseId, second, third))
                .body("duplicate", contains(false, true, true));
        get(second, "/audit")
                .then()
                .body(
                        "action",
                        hasItems("state triaging -> duplicate (of " + originalTracking + ")"));
        assertThat(database.outboxEvents("case.duplicate.marked.v2", caseId)).isEqualTo(2);
    }

    @Test
    void aCaseCannotDuplicateItselfNothingOrACaseThatDoesNotExist() {
        markDuplicate(caseId, caseId)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("duplicateOf"));
        markDuplicate(caseId, null).then().statusCode(422);
        markDuplicate(caseId, "EMB-1999-99999").then().statusCode(422);
        markDuplicate(caseId, UUID.randomUUID().toString()).then().statusCode(422);
        get(caseId, "").then().body("state", equalTo("acknowledged"));
    }

    private static io.restassured.response.Response markDuplicate(String caseId, String of) {
        Map<String, Object> body = new HashMap<>(Map.of("to", "duplicate"));
        if (of != null) {
            body.put("duplicateOf", of);
        }
        return post(caseId, "/transitions", body);
    }
}
