package dev.embargo.policy.model;

import static dev.embargo.policy.model.VersionSupport.SUPPORTED;
import static dev.embargo.policy.model.VersionSupport.UNKNOWN;
import static dev.embargo.policy.model.VersionSupport.UNSUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.policy.model.DisclosurePolicy.SupportedVersion;
import dev.embargo.policy.model.Program.Release;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Supported versions by rule, counted with a release list, and end-of-life dates. */
class VersionSupportTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    private static final List<Release> RELEASES =
            List.of(
                    new Release("7.88.1", null, true, LocalDate.parse("2027-01-31")),
                    new Release("8.10.0", null, null, null),
                    new Release("8.11.1", null, null, null),
                    new Release("v8.12.0", null, null, null));

    @Test
    void theTwoNewestMinorSeriesAndAnythingNewerAreSupported() {
        List<SupportedVersion> table = List.of(rule("latest-minor-series", 2));
        assertThat(VersionSupport.of(table, RELEASES, "8.11.0", TODAY)).isEqualTo(SUPPORTED);
        assertThat(VersionSupport.of(table, RELEASES, "v8.12.3", TODAY)).isEqualTo(SUPPORTED);
        assertThat(VersionSupport.of(table, RELEASES, "8.13.0", TODAY)).isEqualTo(SUPPORTED);
        assertThat(VersionSupport.of(table, RELEASES, "8.10.2", TODAY)).isEqualTo(UNSUPPORTED);
    }

    @Test
    void theNewestMajorSeriesIsSupported() {
        List<SupportedVersion> table = List.of(rule("latest-major-series", null));
        assertThat(VersionSupport.of(table, RELEASES, "8.0.5", TODAY)).isEqualTo(SUPPORTED);
        assertThat(VersionSupport.of(table, RELEASES, "7.99.0", TODAY)).isEqualTo(UNSUPPORTED);
    }

    @Test
    void anLtsSeriesIsSupportedUntilItsReleaseReachesEndOfLife() {
        List<SupportedVersion> table = List.of(rule("latest-release", null), rule("lts", null));
        assertThat(VersionSupport.of(table, RELEASES, "7.88.0", TODAY)).isEqualTo(SUPPORTED);
        assertThat(VersionSupport.of(table, RELEASES, "7.88.0", LocalDate.parse("2027-02-01")))
                .isEqualTo(UNSUPPORTED);
        assertThat(VersionSupport.of(table, RELEASES, "8.12.0", TODAY)).isEqualTo(SUPPORTED);
        assertThat(VersionSupport.of(table, RELEASES, "8.11.1", TODAY)).isEqualTo(UNSUPPORTED);
    }

    @Test
    void aVersionsRowPastItsEndOfLifeNoLongerCountsAsSupported() {
        List<SupportedVersion> table =
                List.of(
                        new SupportedVersion(
                                "8.11.x",
                                null,
                                null,
                                null,
                                true,
                                null,
                                LocalDate.parse("2026-12-31")));
        assertThat(VersionSupport.of(table, RELEASES, "8.11.1", TODAY)).isEqualTo(SUPPORTED);
        assertThat(VersionSupport.of(table, RELEASES, "8.11.1", LocalDate.parse("2027-01-01")))
                .isEqualTo(UNSUPPORTED);
    }

    @Test
    void rulesWithoutReleasesLeaveAVersionUnknown() {
        assertThat(
                        VersionSupport.of(
                                List.of(rule("latest-minor-series", 2)),
                                List.of(),
                                "8.11.0",
                                TODAY))
                .isEqualTo(UNKNOWN);
    }

    private static SupportedVersion rule(String rule, Integer count) {
        return new SupportedVersion(null, rule, count, null, true, null, null);
    }
}
