package dev.embargo.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages' scripts build no markup from strings and load nothing from another origin. */
class PageAssetsTest {

    private static final String ASSETS = "META-INF/resources/assets/intake";

    @Test
    void scriptsNeverTurnStringsIntoMarkupOrCode() throws Exception {
        for (Path script : scripts()) {
            assertThat(Files.readString(script))
                    .as(script.getFileName().toString())
                    .doesNotContain(
                            "innerHTML",
                            "outerHTML",
                            "insertAdjacentHTML",
                            "document.write",
                            "eval(",
                            "new Function",
                            "setAttribute('style'",
                            ".style.");
        }
    }

    @Test
    void scriptsImportOnlyEachOtherAndTheBundledOpenPgpLibrary() throws Exception {
        Pattern imports = Pattern.compile("(?:from|import\\()\\s*'([^']+)'");
        for (Path script : scripts()) {
            Matcher found = imports.matcher(Files.readString(script));
            while (found.find()) {
                String target = found.group(1);
                if (target.startsWith("./")) {
                    assertThat(script.resolveSibling(target.substring(2)))
                            .as(script + " imports " + target)
                            .exists();
                } else {
                    assertThat(target).isEqualTo("/assets/vendor/openpgp.min.mjs");
                }
            }
        }
    }

    @Test
    void everyScriptAndStylesheetAPageNamesExists() throws Exception {
        Pattern asset = Pattern.compile("(?:src|href)=\"/assets/intake/([^\"]+)\"");
        for (String page :
                List.of("programs.html", "program.html", "report-form.html", "status.html")) {
            Matcher found = asset.matcher(PageShellsTest.shell(page));
            while (found.find()) {
                assertThat(
                                PageShellsTest.class
                                        .getClassLoader()
                                        .getResource(ASSETS + "/" + found.group(1)))
                        .as(page + " names " + found.group(1))
                        .isNotNull();
            }
        }
    }

    private static List<Path> scripts() throws IOException, URISyntaxException {
        Path root =
                Path.of(PageAssetsTest.class.getClassLoader().getResource(ASSETS + "/js").toURI());
        try (Stream<Path> files = Files.list(root)) {
            List<Path> scripts = files.filter(file -> file.toString().endsWith(".js")).toList();
            assertThat(scripts).isNotEmpty();
            return scripts;
        }
    }
}
