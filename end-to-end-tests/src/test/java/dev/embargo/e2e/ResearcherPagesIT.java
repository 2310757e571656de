package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.embargo.e2e.support.Chromium;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The researcher's pages served by intake: strict headers, validation before sending, labels, the
 * status page's reply with a file.
 */
@ExtendWith(EmbargoStack.class)
class ResearcherPagesIT {

    private static RunningStack stack;
    @RegisterExtension static final Chromium chromium = Chromium.launch();

    @BeforeAll
    static void theStack(RunningStack runningStack) {
        stack = runningStack;
    }

    @Test
    void everyPageAndAssetCarriesAStrictContentSecurityPolicyAndSendsNoReferrer() {
        for (String path :
                List.of(
                        "/report",
                        "/report/pea2pea",
                        "/report/pea2pea/new",
                        "/status/EMB-2026-00001",
                        "/assets/vendor/openpgp.min.mjs")) {
            Response page = given().when().get(stack.serviceUrl("intake") + path);
            page.then().statusCode(200);
            assertThat(page.header("Content-Security-Policy"))
                    .as(path)
                    .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe");
            assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(page.header("Set-Cookie")).as(path).isNull();
        }
        Response console = given().when().get(stack.serviceUrl("triage") + "/console/");
        console.then().statusCode(200);
        assertThat(console.header("Content-Security-Policy"))
                .contains("default-src 'none'", "script-src 'self'")
                .doesNotContain("unsafe");
    }

    @Test
    void theFormRefusesWhatTheServerWouldRefuseBeforeSendingAnythingAndSaysWhere() {
        Page page = chromium.newPage();
        AtomicInteger posts = new AtomicInteger();
        page.onRequest(
                request -> {
                    if ("POST".equals(request.method())) {
                        posts.incrementAndGet();
                    }
                });
        page.navigate(stack.serviceUrl("intake") + "/report/pea2pea/new");
        page.locator("#report-form").waitFor();
        page.locator("#title").fill("x".repeat(400));
        page.locator("#cvss-vector").fill("CVSS:9.9/not-a-vector");
        page.locator("#submit-report").click();

        page.locator("#error-summary").waitFor();
        assertThat(page.locator("#title").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.locator("#cvss-vector").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.locator("#description").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(
                        (Boolean)
                                page.evaluate(
                                        "() =>"
                                            + " document.getElementById('error-summary').contains(document.activeElement)"
                                            + " || document.activeElement ==="
                                            + " document.getElementById('error-summary')"))
                .isTrue();
        assertThat(posts.get()).as("nothing was sent").isZero();
        chromium.screenshot(page, "researcher-form-errors");
    }

    @Test
    void everyControlOnThePublicPagesHasALabelAndTheFirstTabReachesTheSkipLink() {
        Page page = chromium.newPage();
        for (String path : List.of("/report/pea2pea", "/report/pea2pea/new")) {
            page.navigate(stack.serviceUrl("intake") + path);
            page.locator("main h1:visible").first().waitFor();
            Object unlabelled =
                    page.evaluate(
                            """
                            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                              .filter(c => c.labels.length === 0 && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby'))
                              .map(c => c.id || c.name)\
                            """);
            assertThat((List<?>) unlabelled).as(path).isEmpty();
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
            page.keyboard().press("Tab");
            assertThat((String) page.evaluate("() => document.activeElement.getAttribute('href')"))
                    .as(path)
                    .isEqualTo("#main");
        }
    }

    @Test
    void everyResearcherPageMeetsWcag2AaAsAxeCoreChecksIt() {
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "pea2pea",
                                "Accessible status page",
                                "a11y-" + UUID.randomUUID() + "@example.org");
        Page page = chromium.newPage();
        for (String path :
                List.of(
                        "/report",
                        "/report/pea2pea",
                        "/report/pea2pea/new",
                        "/status/" + report.trackingId() + "#token=" + report.reporterToken())) {
            page.navigate(stack.serviceUrl("intake") + path);
            page.locator("main h1:visible").first().waitFor();
            // Once the page has what it asked the API for, its loading line is gone.
            page.locator("#page-status")
                    .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
            assertThat(chromium.accessibilityViolations(page)).as(path).isEmpty();
        }
    }

    @Test
    void anUnknownProgramIsSaidToBeUnknown() {
        Page page = chromium.newPage();
        page.navigate(stack.serviceUrl("intake") + "/report/no-such-program");
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                page.locator("main")
                                        .innerText()
                                        .toLowerCase()
                                        .contains("no such program"));
    }

    @Test
    void theStatusPageTakesAReplyWithAFileAndTheTeamReceivesBoth() {
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "pea2pea",
                                "Status page reply",
                                "status-" + UUID.randomUUID() + "@example.org");
        Page page = chromium.newPage();
        page.navigate(
                stack.serviceUrl("intake")
                        + "/status/"
                        + report.trackingId()
                        + "#token="
                        + report.reporterToken());
        page.locator("#report-state").waitFor();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            page.reload();
                            page.locator("#report-state").waitFor();
                            return "acknowledged"
                                    .equals(
                                            page.locator("#report-state")
                                                    .getAttribute("data-state"));
                        });
        page.locator("#reply-encrypt").uncheck();
        page.locator("#reply-text").fill("Here is a second proof of concept.");
        page.locator("#reply-attachments")
                .setInputFiles(
                        new FilePayload(
                                "second-poc.txt",
                                "text/plain",
                                "frame: 00 02\n".getBytes(StandardCharsets.UTF_8)));
        page.locator("#send-reply").click();
        page.locator("#conversation li.message[data-author='reporter']").waitFor();
        assertThat(page.locator("#conversation").innerText())
                .contains("Here is a second proof of concept.", "second-poc.txt");
        chromium.screenshot(page, "researcher-status-reply");

        String staffFiles =
                stack.serviceUrl("intake")
                        + "/api/v1/staff/reports/"
                        + report.trackingId()
                        + "/attachments";
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(
                                                given().auth()
                                                        .oauth2(stack.staffTokens().of("triager"))
                                                        .when()
                                                        .get(staffFiles)
                                                        .then()
                                                        .statusCode(200)
                                                        .extract()
                                                        .jsonPath()
                                                        .getList("name", String.class))
                                        .contains("second-poc.txt"));
        // Without the token in the fragment, the page asks for it instead of showing anything.
        Page stranger = chromium.newPage();
        stranger.navigate(stack.serviceUrl("intake") + "/status/" + report.trackingId());
        stranger.locator("input[type=password], input#token").first().waitFor();
        assertThat(stranger.locator("main").innerText()).doesNotContain("Status page reply");
        assertThat(chromium.errorsOn(page, stranger)).isEmpty();
    }

    @Test
    void theReporterReplacesTheStatusLinkAndTheOldOneStopsWorking() {
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "pea2pea",
                                "Leaked status link",
                                "rotate-" + UUID.randomUUID() + "@example.org");
        String oldToken = report.reporterToken();
        Page page = chromium.newPage();
        page.navigate(
                stack.serviceUrl("intake")
                        + "/status/"
                        + report.trackingId()
                        + "#token="
                        + oldToken);
        page.locator("#report-state").waitFor();
        page.onDialog(dialog -> dialog.accept());
        page.locator("#rotate-token").click();

        page.locator("#rotated").waitFor();
        String newLink = page.locator("#new-status-link").getAttribute("href");
        assertThat(newLink).contains("/status/" + report.trackingId() + "#token=");
        String newToken =
                URLDecoder.decode(
                        newLink.substring(newLink.indexOf("#token=") + "#token=".length()),
                        StandardCharsets.UTF_8);
        assertThat(newToken).isNotBlank().isNotEqualTo(oldToken);
        assertThat(
                        (Boolean)
                                page.evaluate(
                                        "() =>"
                                            + " document.getElementById('rotated').contains(document.activeElement)"))
                .isTrue();
        stack.reporter().status(report.trackingId(), oldToken).then().statusCode(404);
        stack.reporter().status(report.trackingId(), newToken).then().statusCode(200);
        assertThat(
                        URLDecoder.decode(
                                page.evaluate("() => location.hash").toString(),
                                StandardCharsets.UTF_8))
                .isEqualTo("#token=" + newToken);

        // The page keeps working with the new token.
        page.locator("#refresh-status").click();
        page.locator("#page-status")
                .filter(new Locator.FilterOptions().setHasText("Up to date."))
                .waitFor();
        chromium.screenshot(page, "researcher-status-key-replaced");
        assertThat(chromium.errorsOn(page)).isEmpty();
    }
}
