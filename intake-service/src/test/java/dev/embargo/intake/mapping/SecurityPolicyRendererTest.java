package dev.embargo.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.intake.domain.PublishedProgram;
import dev.embargo.intake.service.ProgramCatalog.InForce;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.Program;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SECURITY.md and security.txt point researchers at the web form. */
class SecurityPolicyRendererTest {

    private static final Program PEA2PEA =
            new ProgramFiles().read(Path.of("../deploy/programs/pea2pea.yaml"));

    @Test
    void securityMdLinksTheProgramsReportForm() {
        String markdown =
                new SecurityPolicyRenderer(ReportMapperTest.config("https://security.example.org/"))
                        .render(PEA2PEA);

        assertThat(markdown).contains("- Web form: https://security.example.org/report/pea2pea\n");
    }

    @Test
    void securityTxtOffersTheReportFormFirstAmongTheWebContacts() {
        PublishedProgram published = new PublishedProgram();
        published.slug = "pea2pea";
        published.revision = 1;
        String text =
                new SecurityTxtRenderer(ReportMapperTest.config("https://security.example.org"))
                        .render(
                                new InForce(published, PEA2PEA),
                                "https://security.example.org/.well-known/security.txt",
                                Instant.now());

        assertThat(text)
                .contains(
                        "Contact: https://security.example.org/report/pea2pea\n"
                                + "Contact: https://security.example.org/api/v1/reports\n");
    }
}
