package dev.embargo.advisory.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackageCoordinatesTest {

    @Test
    void eachEcosystemWritesItsPackageNameItsOwnWay() {
        assertThat(PackageCoordinates.parse("pkg:maven/org.example/broker").packageName())
                .isEqualTo("org.example:broker");
        assertThat(PackageCoordinates.parse("pkg:npm/%40example/broker").packageName())
                .isEqualTo("@example/broker");
        assertThat(PackageCoordinates.parse("pkg:golang/github.com/example/broker").packageName())
                .isEqualTo("github.com/example/broker");
        assertThat(PackageCoordinates.parse("pkg:cargo/broker").packageName()).isEqualTo("broker");
    }

    @Test
    void osvRangesAreSemverForCratesAndGoAndTheEcosystemsOwnElsewhere() {
        assertThat(PackageCoordinates.parse("pkg:cargo/broker").osvRangeType()).isEqualTo("SEMVER");
        assertThat(PackageCoordinates.parse("pkg:golang/example.com/broker").osvRangeType())
                .isEqualTo("SEMVER");
        assertThat(PackageCoordinates.parse("pkg:pypi/broker").osvRangeType())
                .isEqualTo("ECOSYSTEM");
        assertThat(PackageCoordinates.parse("pkg:pypi/broker").osvEcosystem()).contains("PyPI");
        assertThat(PackageCoordinates.parse("pkg:generic/broker").osvEcosystem()).isEmpty();
    }

    @Test
    void cveVersionTypesAreGitForCommitsAndTheEcosystemsSchemeOtherwise() {
        PackageCoordinates github = PackageCoordinates.parse("pkg:github/example/broker");
        assertThat(github.cveVersionType(List.of("1a2b3c4d", "9f8e7d6c5b"))).isEqualTo("git");
        assertThat(github.cveVersionType(List.of("1.2.0"))).isEqualTo("custom");
        assertThat(PackageCoordinates.parse("pkg:cargo/broker").cveVersionType(List.of("0.1.4")))
                .isEqualTo("semver");
        assertThat(PackageCoordinates.parse("pkg:pypi/broker").cveVersionType(List.of("2.0")))
                .isEqualTo("python");
    }

    @Test
    void theCollectionUrlIsThePurlsRepositoryWhenItNamesOne() {
        assertThat(
                        PackageCoordinates.parse(
                                        "pkg:maven/org.example/broker?repository_url=repo.example.org/m2")
                                .collectionUrl())
                .contains("https://repo.example.org/m2");
    }

    @Test
    void purlsAreWrittenCanonicallyWithOrWithoutAVersion() {
        PackageCoordinates broker = PackageCoordinates.parse("pkg:Cargo/broker");

        assertThat(broker.packagePurl()).isEqualTo("pkg:cargo/broker");
        assertThat(broker.withVersion("0.1.4")).isEqualTo("pkg:cargo/broker@0.1.4");
        assertThatIllegalArgumentException().isThrownBy(() -> PackageCoordinates.parse("cargo/x"));
    }
}
