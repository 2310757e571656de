package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import dev.embargo.e2e.support.Cases;
import dev.embargo.e2e.support.Chromium;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.OpenPgpKeyPair;
import dev.embargo.e2e.support.Programs;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.StaffConsole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole conversation in a real Chromium, as the issue describes it: a researcher reports
 * through the form, encrypted in the browser to the program's key; a triager signs in through
 * Keycloak's login page, triages the case in the console and replies; the researcher reads the
 * reply on the status page and answers. Screenshots of every page land in target/screenshots.
 */
@ExtendWith(EmbargoStack.class)
class WebJourneyIT {

    private static final String PROGRAM = "browser-lab";
    private static final String SECRET_DETAIL =
            "PoC: a 70000-byte SETTINGS frame overflows the decoder (marker 7f3a)";
    private static final String TEAM_REPLY = "Confirmed on 0.4.2, a fix is on its way. Thank you!";

    private static RunningStack stack;
    private static OpenPgpKeyPair programKey;
    @RegisterExtension static final Chromium chromium = Chromium.launch();

    @BeforeAll
    static void aProgramWithAKey(RunningStack runningStack) throws Exception {
        stack = runningStack;
        programKey =
                OpenPgpKeyPair.generate("Browser lab security team <security@browser-lab.example>");
        Programs.publishCopyOfPea2pea(
                stack,
                PROGRAM,
                "Browser lab",
                programKey.fingerprint(),
                programKey.armoredPublicKey());
    }

    @Test
    void aReportEncryptedInTheBrowserIsTriagedInTheConsoleAndTheReplyReachesTheStatusPage()
            throws Exception {
        Page researcher = chromium.newPage();
        // What the page hands to the network: the report part of its multipart upload (Playwright
        // sees no body of a request that carries files).
        researcher.addInitScript(
                """
                window.sentReports = [];
                const send = XMLHttpRequest.prototype.send;
                XMLHttpRequest.prototype.send = function (body) {
                  if (body instanceof FormData && typeof body.get('report') === 'string') window.sentReports.push(body.get('report'));
                  return send.call(this, body);
                };\
                """);
        researcher.navigate(stack.serviceUrl("intake") + "/report/" + PROGRAM);
        assertThat(researcher.locator("main").innerText().replaceAll("\\s", ""))
                .contains(programKey.fingerprint());
        chromium.screenshot(researcher, "researcher-1-program-page");

        researcher.locator("a[href$='/report/" + PROGRAM + "/new']").first().click();
        researcher.locator("#report-form").waitFor();
        researcher.locator("#title").fill("Decoder overflow on oversized SETTINGS");
        researcher.locator("#description").fill(SECRET_DETAIL);
        researcher.locator("#scope-class").selectOption(new SelectOption().setIndex(1));
        researcher.locator("#reporter-email").fill("web-researcher@example.org");
        researcher
                .locator("#attachments")
                .setInputFiles(
                        new FilePayload(
                                "poc.txt",
                                "text/plain",
                                "frame: 00 01 11 70 00\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(researcher.locator("#encrypt").isChecked())
                .as("encryption is on when the program has a key")
                .isTrue();
        chromium.screenshot(researcher, "researcher-2-report-form");

        researcher.locator("#submit-report").click();
        researcher.locator("#confirmation").waitFor();
        String trackingId = researcher.locator("#tracking-id").innerText().strip();
        String statusPage = researcher.locator("#status-link").getAttribute("href");
        assertThat(researcher.locator("#upload-progress").getAttribute("value"))
                .isEqualTo(researcher.locator("#upload-progress").getAttribute("max"));
        chromium.screenshot(researcher, "researcher-3-confirmation");

        assertThat((List<?>) researcher.evaluate("() => window.sentReports"))
                .singleElement()
                .asString()
                .contains("-----BEGIN PGP MESSAGE-----")
                .doesNotContain("marker 7f3a");
        String caseId = Cases.idOf(stack, trackingId);
        String description =
                given().auth()
                        .oauth2(stack.staffTokens().of("triager"))
                        .when()
                        .get(stack.serviceUrl("triage") + "/api/v1/cases/" + caseId + "/report")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("description");
        assertThat(programKey.decrypt(description))
                .as("only the team's private key opens it")
                .isEqualTo(SECRET_DETAIL);

        Page triager = StaffConsole.signIn(chromium, stack, "triager");
        chromium.screenshot(triager, "console-1-case-queue");
        assertThat(chromium.accessibilityViolations(triager)).as("case queue").isEmpty();
        triager.locator("#filter-program").selectOption(PROGRAM);
        triager.locator("tr.case-row[data-tracking-id='" + trackingId + "'] a").click();
        triager.locator("#case-title").waitFor();
        assertThat(triager.locator("#report-description").innerText())
                .contains("-----BEGIN PGP MESSAGE-----");
        triager.locator("button.transition[data-transition='triaging']").click();
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                "triaging"
                                        .equals(
                                                triager.locator("#case-state")
                                                        .getAttribute("data-state")));
        // The calculator builds the vector from the metrics chosen, and triage scores it.
        Map.of("AV", "N", "AC", "L", "PR", "N", "UI", "N", "S", "U", "C", "N", "I", "N", "A", "H")
                .forEach((metric, value) -> triager.locator("#cvss-" + metric).selectOption(value));
        assertThat(triager.locator("#cvss-vector").inputValue())
                .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> triager.locator("#cvss-score").innerText().contains("7.5"));
        triager.locator("#set-severity").click();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(
                                                given().auth()
                                                        .oauth2(stack.staffTokens().of("triager"))
                                                        .when()
                                                        .get(
                                                                stack.serviceUrl("triage")
                                                                        + "/api/v1/cases/"
                                                                        + caseId)
                                                        .then()
                                                        .statusCode(200)
                                                        .extract()
                                                        .<String>path("cvssVector"))
                                        .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"));
        triager.locator("#reply-text").fill(TEAM_REPLY);
        triager.locator("#send-reply").click();
        triager.locator("#conversation li.message[data-author='triager']").waitFor();
        chromium.screenshot(triager, "console-2-case-view");
        assertThat(chromium.accessibilityViolations(triager)).as("case view").isEmpty();

        researcher.navigate(statusPage);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            researcher.reload();
                            researcher.locator("#conversation").waitFor();
                            return researcher
                                    .locator("#conversation li.message[data-author='team']")
                                    .allInnerTexts()
                                    .stream()
                                    .anyMatch(text -> text.contains(TEAM_REPLY));
                        });
        assertThat(researcher.locator("#report-state").innerText()).isNotBlank();
        assertThat(researcher.locator("#deadlines").innerText()).isNotBlank();
        researcher.locator("#reply-encrypt").uncheck();
        researcher.locator("#reply-text").fill("Happy to test the fix when it is ready.");
        researcher.locator("#send-reply").click();
        researcher.locator("#conversation li.message[data-author='reporter']").last().waitFor();
        chromium.screenshot(researcher, "researcher-4-status-page");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                given().auth()
                                                        .oauth2(stack.staffTokens().of("triager"))
                                                        .when()
                                                        .get(
                                                                stack.serviceUrl("triage")
                                                                        + "/api/v1/cases/"
                                                                        + caseId
                                                                        + "/messages")
                                                        .then()
                                                        .statusCode(200)
                                                        .extract()
                                                        .jsonPath()
                                                        .getList("text", String.class))
                                        .contains("Happy to test the fix when it is ready."));
        assertThat(chromium.errorsOn(researcher, triager))
                .as("no page broke its Content-Security-Policy or threw")
                .isEmpty();
    }
}
