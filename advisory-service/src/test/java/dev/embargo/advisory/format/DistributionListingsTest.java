package dev.embargo.advisory.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DistributionListingsTest {

    private static final PublicLinks LINKS = new PublicLinks("https://advisories.example");
    private final CsafDistribution distribution =
            new CsafDistribution(
                    new ObjectMapper(),
                    LINKS,
                    new CsafPublisher(
                            "Example PSIRT", "https://example.org", "vendor", "psirt@example.org"));

    @Test
    void indexTxtListsEveryDocumentAndVexDocumentUnderItsInitialReleaseYear() {
        assertThat(
                        distribution.indexTxt(
                                List.of(SampleAdvisories.sparse(), SampleAdvisories.complete())))
                .isEqualTo(
                        "2026/emb-2026-0007-vex.json\n"
                                + "2026/emb-2026-0007.json\n"
                                + "2026/emb-2026-0008.json\n");
    }

    @Test
    void changesCsvPutsTheLatestChangeFirst() {
        assertThat(
                        distribution.changesCsv(
                                List.of(SampleAdvisories.sparse(), SampleAdvisories.complete())))
                .isEqualTo(
                        "\"2026/emb-2026-0007.json\",\"2026-11-24T16:30:00.123456Z\"\n"
                            + "\"2026/emb-2026-0007-vex.json\",\"2026-11-24T16:30:00.123456Z\"\n"
                            + "\"2026/emb-2026-0008.json\",\"2026-11-20T09:00:00Z\"\n");
    }

    @Test
    void theRolieFeedLinksEachDocumentWithItsHashesAndSignature() {
        var feed = distribution.rolieFeed(List.of(SampleAdvisories.complete()));

        assertThat(feed.at("/feed/entry/0/link").findValuesAsText("href"))
                .containsExactly(
                        "https://advisories.example/.well-known/csaf/white/2026/emb-2026-0007.json",
                        "https://advisories.example/.well-known/csaf/white/2026/emb-2026-0007.json.sha256",
                        "https://advisories.example/.well-known/csaf/white/2026/emb-2026-0007.json.sha512",
                        "https://advisories.example/.well-known/csaf/white/2026/emb-2026-0007.json.asc");
        assertThat(feed.at("/feed/entry/1/link/0/href").asText())
                .isEqualTo(
                        "https://advisories.example/.well-known/csaf/white/2026/emb-2026-0007-vex.json");
    }

    @Test
    void theAtomFeedIsWellFormedAndEscapesWhatAdvisoriesSay() throws Exception {
        var hostile = SampleAdvisories.complete();
        var content = hostile.content();
        var escaped =
                new dev.embargo.advisory.domain.PublishedAdvisory(
                        hostile.advisoryId(),
                        hostile.publicId(),
                        hostile.programSlug(),
                        "Tom & Jerry <script>",
                        hostile.version(),
                        content.toBuilder().title("<b>bold</b> & more").build(),
                        hostile.initialReleaseDate(),
                        hostile.currentReleaseDate(),
                        hostile.revisionHistory(),
                        false,
                        null,
                        hostile.url(),
                        hostile.ssvc());

        String atom =
                new AtomFeed(LINKS)
                        .render(
                                "moqtail",
                                "Tom & Jerry <script>",
                                List.of(escaped, SampleAdvisories.sparse()));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document parsed =
                factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        assertThat(
                        parsed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")
                                .getLength())
                .isEqualTo(2);
        assertThat(
                        parsed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title")
                                .item(1)
                                .getTextContent())
                .isEqualTo("EMB-2026-0007: <b>bold</b> & more");
    }

    @Test
    void theAtomFeedStaysWellFormedWhenAProgramNameHoldsControlCharacters() throws Exception {
        String atom =
                new AtomFeed(LINKS)
                        .render(
                                "moqtail",
                                "Tom\u0001\u0008 & Jerry\uFFFF",
                                List.of(SampleAdvisories.sparse()));

        Document parsed =
                DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getElementsByTagName("name").item(0).getTextContent())
                .isEqualTo("Tom & Jerry");
    }

    @Test
    void theChangelogSnippetThanksTheCreditedAndCannotBreakOutOfItsListItem() {
        String snippet = new CreditsChangelog(LINKS).render(SampleAdvisories.complete());

        assertThat(snippet)
                .startsWith("### Security\n\n- Selector bypass")
                .contains(
                        "[EMB-2026-0007](https://advisories.example/advisories/EMB-2026-0007),"
                                + " CVE-1900-12345")
                .contains(
                        "Thanks to Ada Lovelace, An anonymous researcher, Grace Hopper, Alan"
                                + " Turing.");
        assertThat(snippet.lines()).hasSize(3);
    }

    @Test
    void csafFileNamesFollowTheTrackingIdInLowerCase() {
        assertThat(PublicLinks.csafFileName("EMB-2026-0007")).isEqualTo("emb-2026-0007.json");
        assertThat(PublicLinks.csafFileName("ACME SA:1/2")).isEqualTo("acme_sa_1_2.json");
    }
}
