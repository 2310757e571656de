package dev.embargo.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.OpenPgpKeyPair;
import dev.embargo.e2e.support.Programs;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A program publishes an OpenPGP key; a report encrypted to it is accepted as it is, one that no
 * key of the program can open is refused, and so is armor that is not OpenPGP at all.
 */
@ExtendWith(EmbargoStack.class)
class EncryptedReportIT {

    private static final String PROGRAM = "pgp-lab";
    private static RunningStack stack;
    private static OpenPgpKeyPair programKey;

    @BeforeAll
    static void aProgramThatPublishesItsKey(RunningStack runningStack) {
        stack = runningStack;
        programKey = OpenPgpKeyPair.generate("PGP lab security team <security@pgp-lab.example>");
        Programs.publishCopyOfPea2pea(
                stack, PROGRAM, "PGP lab", programKey.fingerprint(), programKey.armoredPublicKey());
    }

    @Test
    void aReportEncryptedToTheProgramsKeyIsAcceptedAsItIsAndReachesTheTeam() throws Exception {
        String encrypted =
                programKey.encryptTo("Heap overflow in the frame decoder; PoC attached below.");
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                PROGRAM,
                                "Encrypted report",
                                encrypted,
                                "pgp-" + UUID.randomUUID() + "@example.org",
                                null);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .statusCode(200)
                                        .body("status", equalTo("acknowledged")));
        // The reporter may write encrypted too.
        stack.reporter()
                .write(
                        report.trackingId(),
                        report.reporterToken(),
                        programKey.encryptTo("More details."))
                .then()
                .statusCode(201);
    }

    private static void refused(io.restassured.response.Response response, String why) {
        response.then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("description"))
                .body("errors[0].message", equalTo(why));
    }

    private static Map<String, Object> report(String program, String description) {
        return Map.of("program", program, "title", "Encrypted", "description", description);
    }
}
