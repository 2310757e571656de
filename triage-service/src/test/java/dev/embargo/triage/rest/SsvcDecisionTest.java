package dev.embargo.triage.rest;

import static dev.embargo.triage.rest.CaseCalls.get;
import static dev.embargo.triage.rest.CaseCalls.post;
import static dev.embargo.triage.rest.CaseCalls.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff record an SSVC decision beside the CVSS score: looked up, kept, audited and sent. */
@QuarkusTest
@TestSecurity(user = "tess", roles = "triager")
class SsvcDecisionTest {

    static final Map<String, String> ACTIVELY_EXPLOITED =
            Map.of(
                    "Exploitation", "active",
                    "Automatable", "yes",
                    "Technical Impact", "total",
                    "Mission and Well-Being Impact", "high");

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    @Test
    void aDecisionIsLookedUpInCisasTableAuditedAndSentWithTheCoordinatorTriage() {
        String caseId = intake.openCase();
        put(
                        caseId,
                        "/ssvc",
                        Map.of(
                                "decisionPoints",
                                Map.of(
                                        "Exploitation", "public poc",
                                        "Automatable", "no",
                                        "Technical Impact", "total",
                                        "Mission and Well-Being Impact", "medium"),
                                "coordinatorTriage",
                                Map.of(
                                        "Report Public", "no",
                                        "Supplier Contacted", "yes",
                                        "Report Credibility", "credible",
                                        "Supplier Cardinality", "multiple",
                                        "Supplier Engagement", "active",
                                        "Utility", "super effective",
                                        "Public Safety Impact", "significant")))
                .then()
                .statusCode(200)
                .body("ssvc.decision.outcome", equalTo("Track*"))
                .body("ssvc.decision.table", equalTo("CISA Coordinator"))
                .body("ssvc.decision.options[0].value", equalTo("Public PoC"))
                .body("ssvc.coordinatorTriage.outcome", equalTo("Coordinate"))
                .body("ssvc.decidedBy", equalTo("tess"))
                .body("ssvc.decidedAt", notNullValue())
                .body("ssvc.expediteOffered", equalTo(false));

        get(caseId, "").then().body("ssvc.decision.outcome", equalTo("Track*"));
        get(caseId, "/audit")
                .then()
                .body(
                        "action",
                        hasItem(
                                "ssvc Track* (CISA Coordinator 2.0.3: Exploitation Public PoC,"
                                        + " Automatable No, Technical Impact Total, Mission and"
                                        + " Well-Being Impact Medium); coordinator triage"
                                        + " Coordinate (Coordinator Triage 1.0.0: Report Public"
                                        + " No, Supplier Contacted Yes, Report Credibility"
                                        + " Credible, Supplier Cardinality Multiple, Supplier"
                                        + " Engagement Active, Utility Super Effective, Public"
                                        + " Safety Impact Significant)"))
                .body("find { it.action.startsWith('ssvc') }.actor", equalTo("tess"));
        List<String> events = database.outboxPayloads("case.ssvc.decided.v1", caseId);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst())
                .contains("\"outcome\":\"Track*\"")
                .contains("\"outcome\":\"Coordinate\"")
                .contains("\"actor\":\"tess\"");
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void activeExploitationOffersTheExpeditedTrackUntilTheCaseIsOnIt() {
        String caseId = intake.openCase();
        put(caseId, "/ssvc", Map.of("decisionPoints", ACTIVELY_EXPLOITED))
                .then()
                .statusCode(200)
                .body("ssvc.decision.outcome", equalTo("Act"))
                .body("ssvc.coordinatorTriage", nullValue())
                .body("ssvc.expediteOffered", equalTo(true));

        post(caseId, "/expedite", Map.of("reason", "SSVC: exploitation active"))
                .then()
                .statusCode(200)
                .body("expedited", equalTo(true))
                .body("ssvc.expediteOffered", equalTo(false));
    }

    @Test
    void aMissingOrUnknownDecisionPointOrValueIsABadRequestNamingIt() {
        String caseId = intake.openCase();
        put(caseId, "/ssvc", Map.of())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("decisionPoints"));
        put(
                        caseId,
                        "/ssvc",
                        Map.of(
                                "decisionPoints",
                                Map.of(
                                        "Exploitation", "rumoured",
                                        "Automatable", "yes",
                                        "Technical Impact", "total",
                                        "Mission and Well-Being Impact", "high")))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("decisionPoints.Exploitation"))
                .body("errors[0].message", containsString("[None, Public PoC, Active]"));
        put(
                        caseId,
                        "/ssvc",
                        Map.of(
                                "decisionPoints",
                                ACTIVELY_EXPLOITED,
                                "coordinatorTriage",
                                Map.of("Report Public", "no")))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("coordinatorTriage.Supplier Contacted"));
        get(caseId, "").then().body("ssvc", nullValue());
        assertThat(database.outboxEvents("case.ssvc.decided.v1", caseId)).isZero();
    }

    @Test
    void theTablesAreServedAsCertCcPublishedThem() {
        given().when()
                .get("/api/v1/ssvc/tables")
                .then()
                .statusCode(200)
                .body("field", contains("decisionPoints", "coordinatorTriage"))
                .body("[0].outcomes", contains("Track", "Track*", "Attend", "Act"))
                .body("[0].decisionPoints[0].values", contains("None", "Public PoC", "Active"))
                .body("[1].outcomes", contains("Decline", "Track", "Coordinate"));
    }
}
