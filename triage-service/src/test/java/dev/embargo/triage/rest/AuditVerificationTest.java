package dev.embargo.triage.rest;

import static dev.embargo.triage.rest.CaseCalls.get;
import static dev.embargo.triage.rest.CaseCalls.move;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The case's audit log is append-only, and its hash chain shows where someone got around that. */
@QuarkusTest
@TestSecurity(user = "tess", roles = "triager")
class AuditVerificationTest {

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    private String caseId;

    @BeforeEach
    void aCaseWithThreeAuditLines() {
        caseId = intake.openCase();
        move(caseId, "triaging").then().statusCode(200);
        move(caseId, "accepted", "Reproduced").then().statusCode(200);
    }

    @Test
    void anUntouchedLogVerifies() {
        get(caseId, "/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("lines", equalTo(3))
                .body("firstBrokenLine", nullValue());
    }

    @Test
    void theServicesOwnRoleCannotRewriteALine() {
        assertThatThrownBy(() -> database.inTransaction(rewriteActorOfLine(1)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        get(caseId, "/audit/verification").then().body("intact", equalTo(true));
    }

    @Test
    void aLineChangedAroundTheTriggerIsNamedAsTheFirstBrokenOne() throws SQLException {
        database.inTransaction(
                "ALTER TABLE case_audit DISABLE TRIGGER case_audit_append_only",
                rewriteActorOfLine(1),
                "ALTER TABLE case_audit ENABLE TRIGGER case_audit_append_only");
        get(caseId, "/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("lines", equalTo(3))
                .body("firstBrokenLine", equalTo(1));
    }

    @Test
    void aRemovedLineBreaksTheChainWhereItWas() throws SQLException {
        database.inTransaction(
                "ALTER TABLE case_audit DISABLE TRIGGER case_audit_append_only",
                "DELETE FROM case_audit WHERE case_id = '" + caseId + "' AND position = 1",
                "ALTER TABLE case_audit ENABLE TRIGGER case_audit_append_only");
        get(caseId, "/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("lines", equalTo(2))
                .body("firstBrokenLine", equalTo(1));
    }

    private String rewriteActorOfLine(int position) {
        return "UPDATE case_audit SET actor = 'mallory' WHERE case_id = '"
                + caseId
                + "' AND position = "
                + position;
    }
}
