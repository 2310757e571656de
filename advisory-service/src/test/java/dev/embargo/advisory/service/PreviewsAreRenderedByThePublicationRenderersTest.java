package dev.embargo.advisory.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.advisory.config.AdvisoryConfig;
import dev.embargo.advisory.domain.Advisory;
import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.AffectedProduct;
import dev.embargo.advisory.domain.AdvisoryContent.Credit;
import dev.embargo.advisory.domain.AdvisoryRevision;
import dev.embargo.advisory.domain.AdvisoryState;
import dev.embargo.advisory.domain.DocumentFormat;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.domain.PublishedAdvisory.RevisionNote;
import dev.embargo.advisory.format.PublicLinks;
import dev.embargo.advisory.service.AdvisoryPreviews.Format;
import dev.embargo.kit.problem.ProblemException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Staff preview exactly what publication will make public: the snapshot publication takes, rendered
 * by the renderers publication uses. A second copy of either would let the preview drift from what
 * the world gets.
 */
class PreviewsAreRenderedByThePublicationRenderersTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final PublicLinks LINKS = new PublicLinks("https://advisories.example/");
    private static final Instant LIFT = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant FIRST_RELEASE = Instant.parse("2026-11-20T09:00:00Z");

    /**
     * A stand-in for templates/advisory.html: the preview must show whatever page publication
     * renders.
     */
    private static final Template PAGE =
            Engine.builder()
                    .addDefaults()
                    .addValueResolver(new ReflectionValueResolver())
                    .build()
                    .parse("the public page of {advisory.publicId}, version {advisory.version}");

    @Test
    void eachDocumentOfThePreviewIsWhatThePublicationRenderersMakeOfTheSnapshot() {
        RecordingFormats formats = new RecordingFormats();
        AdvisoryPreviews previews = new AdvisoryPreviews(null, null, null, formats);
        PublishedAdvisory snapshot = snapshotOf(unpublished(), null);

        assertThat(previews.render(snapshot, Format.CSAF))
                .isEqualTo("rendered by publication: CSAF");
        assertThat(previews.render(snapshot, Format.OSV)).isEqualTo("rendered by publication: OSV");
        assertThat(previews.render(snapshot, Format.CVE)).isEqualTo("rendered by publication: CVE");
        assertThat(previews.render(snapshot, Format.HTML))
                .isEqualTo("the public page of EMB-2026-0042, version 1");
        assertThat(formats.rendered).hasSize(3).containsOnly(snapshot);
    }

    @Test
    void aNeverPublishedAdvisoryIsPreviewedAsItsFirstVersionReleasedAtTheLiftTime() {
        PublishedAdvisory snapshot =
                snapshotOf(unpublished(), new ReporterCredit.Choice(null, "Ada Lovelace"));

        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.initialReleaseDate()).isEqualTo(LIFT);
        assertThat(snapshot.currentReleaseDate()).isEqualTo(LIFT);
        assertThat(snapshot.revisionHistory())
                .containsExactly(new RevisionNote(1, LIFT, "Initial public release."));
        assertThat(snapshot.content().credits())
                .extracting(Credit::name)
                .containsExactly("Ada Lovelace", "Grace Hopper");
        assertThat(snapshot.url()).isEqualTo("https://advisories.example/advisories/EMB-2026-0042");
    }

    @Test
    void aRevisionOfAPublishedAdvisoryKeepsTheEarlierReleaseInItsHistory() {
        Advisory advisory = unpublished();
        advisory.publishedAt = FIRST_RELEASE.atOffset(ZoneOffset.UTC);
        List<AdvisoryRevision> history = new ArrayList<>(history(advisory));
        history.get(0).publishedAt = FIRST_RELEASE.atOffset(ZoneOffset.UTC);

        PublishedAdvisory snapshot =
                Publication.snapshot(
                        advisory, history, content(), null, "MoQTail", null, null, null, List.of(),
                        null, LIFT, LINKS);

        assertThat(snapshot.version()).isEqualTo(2);
        assertThat(snapshot.initialReleaseDate()).isEqualTo(FIRST_RELEASE);
        assertThat(snapshot.revisionHistory())
                .containsExactly(
                        new RevisionNote(1, FIRST_RELEASE, "Initial public release."),
                        new RevisionNote(2, LIFT, "Fixed version named"));
    }

    @Test
    void theRealRenderersGiveACsafDocumentOfTheAdvisoryAndNoCveRecordWithoutACveId()
            throws Exception {
        AdvisoryPreviews previews =
                new AdvisoryPreviews(
                        null, null, null, new AdvisoryFormats(JSON, LINKS, new Config(), PAGE));
        PublishedAdvisory snapshot = snapshotOf(unpublished(), null);

        JsonNode csaf = JSON.readTree(previews.render(snapshot, Format.CSAF));

        assertThat(csaf.at("/document/tracking/id").asText()).isEqualTo("EMB-2026-0042");
        assertThat(csaf.at("/document/tracking/initial_release_date").asText())
                .startsWith("2026-12-01T09:00:00");
        assertThat(JSON.readTree(previews.render(snapshot, Format.OSV)).at("/id").asText())
                .isEqualTo("x_EMB-2026-0042");
        assertThatThrownBy(() -> previews.render(snapshot, Format.CVE))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("no CVE id");
    }

    private static PublishedAdvisory snapshotOf(
            Advisory advisory, ReporterCredit.Choice reporterCredit) {
        return Publication.snapshot(
                advisory,
                history(advisory),
                content(),
                null,
                "MoQTail",
                null,
                reporterCredit,
                null,
                List.of(),
                null,
                LIFT,
                LINKS);
    }

    private static Advisory unpublished() {
        Advisory advisory = new Advisory();
        advisory.id = UUID.fromString("4c1b7f0e-2b8e-4c55-9a55-0f8f4b0b7a42");
        advisory.publicId = "EMB-2026-0042";
        advisory.programSlug = "moqtail";
        advisory.state = AdvisoryState.SCHEDULED;
        advisory.currentRevision = 2;
        advisory.liftAt = LIFT.atOffset(ZoneOffset.UTC);
        return advisory;
    }

    private static List<AdvisoryRevision> history(Advisory advisory) {
        return List.of(
                revision(advisory, 1, "Drafted from EMB-2026-00001"),
                revision(advisory, 2, "Fixed version named"));
    }

    private static AdvisoryRevision revision(Advisory advisory, int number, String summary) {
        AdvisoryRevision revision = new AdvisoryRevision();
        revision.advisoryId = advisory.id;
        revision.number = number;
        revision.changeSummary = summary;
        revision.editedAt = OffsetDateTime.of(2026, 11, 25, 10, number, 0, 0, ZoneOffset.UTC);
        return revision;
    }

    private static AdvisoryContent content() {
        return AdvisoryContent.builder()
                .title("Selector bypass")
                .summary("A crafted selector reads other topics.")
                .description("The parser accepts ...")
                .affected(
                        List.of(
                                new AffectedProduct(
                                        "moqtail-broker",
                                        "0.1.0",
                                        "0.1.4",
                                        "crates.io",
                                        "moqtail",
                                        "pkg:cargo/moqtail",
                                        null)))
                .severity("medium")
                .credits(List.of(new Credit("Grace Hopper", "remediation-developer")))
                .remediation("Upgrade to 0.1.4.")
                .build();
    }

    /** The publication renderers, answering with marks that only they give. */
    private static final class RecordingFormats extends AdvisoryFormats {

        private final List<PublishedAdvisory> rendered = new ArrayList<>();

        RecordingFormats() {
            super(JSON, LINKS, new Config(), PAGE);
        }

        @Override
        public Map<DocumentFormat, String> render(PublishedAdvisory advisory) {
            rendered.add(advisory);
            Map<DocumentFormat, String> documents = new EnumMap<>(DocumentFormat.class);
            for (DocumentFormat format : DocumentFormat.values()) {
                documents.put(format, "rendered by publication: " + format);
            }
            return documents;
        }
    }

    private static final class Config implements AdvisoryConfig {

        @Override
        public String idPrefix() {
            return "EMB";
        }

        @Override
        public String publicUrl() {
            return "https://advisories.example";
        }

        @Override
        public Publisher publisher() {
            return new Publisher() {
                @Override
                public String name() {
                    return "Example PSIRT";
                }

                @Override
                public String namespace() {
                    return "https://example.org";
                }

                @Override
                public String category() {
                    return "vendor";
                }

                @Override
                public String contact() {
                    return "psirt@example.org";
                }
            };
        }

        @Override
        public CveServices cveServices() {
            throw new UnsupportedOperationException("previews never submit CVE records");
        }

        @Override
        public Duration publicationScanInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int publicationBatchSize() {
            return 20;
        }

        @Override
        public String cveAssignerOrgId() {
            return "8254265b-2729-46b6-b9e3-3dfca2d5bfca";
        }

        @Override
        public String cveAssignerShortName() {
            return "embargo";
        }

        @Override
        public Optional<String> signingKey() {
            return Optional.empty();
        }

        @Override
        public Optional<String> signingKeyPassphrase() {
            return Optional.empty();
        }
    }
}
