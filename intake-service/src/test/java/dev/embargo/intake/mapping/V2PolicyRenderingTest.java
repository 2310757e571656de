package dev.embargo.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.intake.domain.PublishedProgram;
import dev.embargo.intake.service.ProgramCatalog.InForce;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.Program;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md and security.txt of a program file v2 (programs/v2-policy.yaml): they show what the
 * policy says, say "not stated" where it is silent, and never publish an address it does not hold.
 */
class V2PolicyRenderingTest {

    private static final String BASE = "https://security.example.org";
    private static final String FIXTURE = fixture();
    private static final Program PROGRAM = new ProgramFiles().read(FIXTURE, "v2-policy.yaml");

    @Test
    void securityTxtListsNoAddressTheProgramDoesNotHave() {
        String text = securityTxt(PROGRAM);

        assertThat(text.lines().filter(line -> line.startsWith("Contact: ")))
                .containsExactly(
                        "Contact: " + BASE + "/report/v2-policy",
                        "Contact: https://hackerone.com/widget",
                        "Contact: https://github.com/widget/widget/security/advisories/new",
                        "Contact: https://widget.example.org/security");
        assertThat(text).doesNotContain("mailto:", "/api/v1/reports\n");
    }

    @Test
    void aContactThatTakesNoReportsAndASigningOnlyKeyAreNotOfferedToReporters() {
        assertThat(securityTxt(PROGRAM)).doesNotContain("press@", "announcements.asc");
        assertThat(securityMd(PROGRAM)).doesNotContain("- Contact: Press office");
    }

    @Test
    void securityTxtPointsAtEachKeyWhereTheProgramKeepsIt() {
        assertThat(securityTxt(PROGRAM).lines().filter(line -> line.startsWith("Encryption: ")))
                .containsExactly(
                        "Encryption: https://widget.example.org/keys/security.asc",
                        "Encryption: openpgp4fpr:0123456789abcdef0123456789abcdef01234567");
    }

    @Test
    void securityMdSaysNotStatedWhereThePolicyIsSilent() {
        assertThat(securityMd(PROGRAM))
                .contains(
                        "Credit: not stated in the policy.",
                        "Time zone: not stated in the policy; dates are counted in UTC.",
                        "The policy uses no severity scale.",
                        "Extensions: not stated in the policy; a deadline may be extended, with a"
                                + " reason.");
    }

    @Test
    void securityMdTellsTargetsRangesAndAnchoredStepsFromFirmPromises() {
        assertThat(securityMd(PROGRAM))
                .contains(
                        "- Acknowledgement: within 3 days (a target we aim for, not a commitment)"
                                + " — usually sooner\n",
                        "- Triage: in 3 days to 7 days (a target we aim for, not a commitment)\n",
                        "- Fix, track (private): within 90 days\n",
                        "- No public disclosure before: 7 days after arrival\n",
                        "- Disclosure: within 7 days after the fix is released\n");
    }

    @Test
    void securityMdShowsTheNewPartsOfTheProgram() {
        assertThat(securityMd(PROGRAM))
                .contains(
                        "- HackerOne: https://hackerone.com/widget — preferred\n",
                        "- Contact: Widget security team, https://widget.example.org/security\n",
                        "- OpenPGP key `ABCD EF01 2345 6789 ABCD EF01 2345 6789 ABCD EF01`, Widget"
                                + " Security &lt;security@widget.example.org&gt;:"
                                + " https://widget.example.org/keys/security.asc\n",
                        "on hkps://keys.openpgp.org (the release signing key)",
                        "## Decided case by case\n\n- **Example code**: Judged case by case.\n",
                        "- **The project website**: report to https://example.org/website-security",
                        "- Whether the issue is already public (required)\n",
                        "- Your affiliation, if any (optional)\n",
                        "| the 2 latest minor series |  | yes |  |",
                        "Releases: `2.4.1` (2026-10-01), `2.3.7` (2026-09-01).",
                        "After 5 business days without an answer, contact:\n\n"
                                + "- Project lead, lead@widget.example.org\n",
                        "- **Public track**: Minor issues, fixed in the open. — fixed in public,"
                                + " no embargo.",
                        "- **Private track** — fixed in the next scheduled release, under embargo.",
                        "- Linux distributions, at most 14 days before disclosure; told at least 7"
                            + " days before and again 24 hours before; not told about windows\n",
                        "- Mailing list, widget-announce: widget-announce@lists.example.org\n",
                        "- GitHub security advisories, GitHub security advisories:"
                                + " https://github.com/widget/widget/security/advisories\n",
                        "CVE IDs come from the program's parent CNA (GitHub). Every accepted issue"
                                + " gets a CVE ID.",
                        "A bug bounty is offered on HackerOne: https://hackerone.com/widget.",
                        "- **Security response committee**: Three maintainers who handle every"
                                + " report.");
    }

    @Test
    void theNewFieldsShowMarkupAsText() {
        Program hostile =
                new ProgramFiles()
                        .read(
                                FIXTURE.replace(
                                                "name: widget-announce",
                                                "name: \"<img src=x onerror=alert(1)>\"")
                                        .replace(
                                                "title: Public track",
                                                "title: \"[x](javascript:alert(2))\"")
                                        .replace(
                                                "note: If nobody answers, write to the project"
                                                        + " lead.",
                                                "note: \"# Heading <script>alert(3)</script>\""),
                                "hostile.yaml");

        String html =
                HtmlRenderer.builder()
                        .build()
                        .render(Parser.builder().build().parse(securityMd(hostile)));

        assertThat(html)
                .contains("&lt;img src=x onerror=alert(1)&gt;", "[x](javascript:alert(2))")
                .doesNotContain("<img", "<script", "href=\"javascript", "<h1>Heading");
    }

    private static String securityMd(Program program) {
        return new SecurityPolicyRenderer(ReportMapperTest.config(BASE + "/")).render(program);
    }

    private static String securityTxt(Program program) {
        PublishedProgram published = new PublishedProgram();
        published.slug = program.slug();
        published.revision = 1;
        return new SecurityTxtRenderer(ReportMapperTest.config(BASE))
                .render(
                        new InForce(published, program),
                        BASE + "/.well-known/security.txt",
                        Instant.now());
    }

    private static String fixture() {
        try (InputStream in =
                V2PolicyRenderingTest.class
                        .getClassLoader()
                        .getResourceAsStream("programs/v2-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
