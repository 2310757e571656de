package dev.embargo.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page shells keep to what their Content-Security-Policy allows (no inline script or style) and
 * to what assistive technology needs; the browser tests rely on their element ids.
 */
class PageShellsTest {

    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"programs.html", "program.html", "report-form.html", "status.html"})
    void runsNoInlineScriptOrStyleSoTheContentSecurityPolicyNeedsNoUnsafeInline(String page) {
        String html = shell(page);
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=\"/assets/)").matcher(html).find())
                .as("inline script")
                .isFalse();
        assertThat(html)
                .doesNotContain("<style")
                .doesNotContain(" style=")
                .doesNotContain("javascript:");
        assertThat(Pattern.compile("\\son[a-z]+=").matcher(html).find())
                .as("inline event handler")
                .isFalse();
        assertThat(html)
                .doesNotContain("http://")
                .doesNotContain("https://")
                .as("nothing from another origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"programs.html", "program.html", "report-form.html", "status.html"})
    void isEnglishWithASkipLinkToTheMainContentAndUniqueIds(String page) {
        String html = shell(page);
        assertThat(html)
                .contains(
                        "<html lang=\"en\">",
                        "<a class=\"skip-link\" href=\"#main\">",
                        "<main id=\"main\"");
        List<String> ids = ids(html);
        assertThat(ids).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"program.html", "report-form.html", "status.html"})
    void labelsEveryControl(String page) {
        String html = shell(page);
        Matcher control =
                Pattern.compile("<(input|select|textarea)\\b[^>]*\\sid=\"([^\"]+)\"").matcher(html);
        while (control.find()) {
            assertThat(html)
                    .as("label of #" + control.group(2))
                    .contains("<label for=\"" + control.group(2) + "\"");
        }
    }

    @Test
    void theReportFormHasTheElementsTheBrowserTestsUse() {
        assertThat(ids(shell("report-form.html")))
                .contains(
                        "report-form",
                        "title",
                        "description",
                        "scope-class",
                        "affected-version",
                        "cvss-vector",
                        "credit-preference",
                        "credit-name",
                        "reporter-email",
                        "attachments",
                        "encrypt",
                        "submit-report",
                        "upload-progress",
                        "confirmation",
                        "tracking-id",
                        "status-link",
                        "error-summary",
                        "reporter-public-key",
                        "reporter-token");
        assertThat(shell("report-form.html")).contains("<progress id=\"upload-progress\"");
    }

    @Test
    void theStatusPageHasTheElementsTheBrowserTestsUse() {
        assertThat(ids(shell("status.html")))
                .contains(
                        "report-state",
                        "deadlines",
                        "conversation",
                        "reply-form",
                        "reply-text",
                        "reply-attachments",
                        "reply-encrypt",
                        "send-reply",
                        "error-summary",
                        "token-form",
                        "token-input",
                        "reply-progress",
                        "rotate-token",
                        "rotate-status",
                        "rotated",
                        "new-status-link");
    }

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher id = ID.matcher(html);
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }

    /** The document a page is served as, layout included. */
    static String shell(String file) {
        return ResearcherPages.shell(
                Stream.of(ResearcherPages.Page.values())
                        .filter(page -> page.file.equals(file))
                        .findFirst()
                        .orElseThrow());
    }
}
