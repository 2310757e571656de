package dev.embargo.advisory.format;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A product's package URL (purl) and what each format derives from it: the OSV ecosystem and
 * package name, the CVE record's collection URL and version type, the {@code vers} scheme of CSAF
 * version ranges. Parsing and building is left to the reference {@code packageurl-java} library.
 */
public final class PackageCoordinates {

    private static final Pattern GIT_COMMIT = Pattern.compile("^[0-9a-f]{7,40}$");

    /** OSV ecosystem names of the purl types OSV knows (OSV schema, "Affected package"). */
    private static final Map<String, String> OSV_ECOSYSTEMS =
            Map.ofEntries(
                    Map.entry("cargo", "crates.io"),
                    Map.entry("golang", "Go"),
                    Map.entry("npm", "npm"),
                    Map.entry("pypi", "PyPI"),
                    Map.entry("maven", "Maven"),
                    Map.entry("gem", "RubyGems"),
                    Map.entry("nuget", "NuGet"),
                    Map.entry("composer", "Packagist"),
                    Map.entry("hex", "Hex"),
                    Map.entry("pub", "Pub"),
                    Map.entry("swift", "SwiftURL"));

    /** Where each ecosystem's packages are published (CVE {@code collectionURL}). */
    private static final Map<String, String> COLLECTIONS =
            Map.ofEntries(
                    Map.entry("cargo", "https://crates.io"),
                    Map.entry("golang", "https://pkg.go.dev"),
                    Map.entry("npm", "https://www.npmjs.com"),
                    Map.entry("pypi", "https://pypi.org"),
                    Map.entry("maven", "https://repo.maven.apache.org/maven2"),
                    Map.entry("gem", "https://rubygems.org"),
                    Map.entry("nuget", "https://www.nuget.org"),
                    Map.entry("composer", "https://packagist.org"),
                    Map.entry("hex", "https://hex.pm"),
                    Map.entry("pub", "https://pub.dev"),
                    Map.entry("github", "https://github.com"));

    /** CVE version types of the ecosystems whose versions follow a scheme of their own. */
    private static final Map<String, String> CVE_VERSION_TYPES =
            Map.of(
                    "cargo", "semver",
                    "golang", "semver",
                    "npm", "semver",
                    "maven", "maven",
                    "pypi", "python",
                    "gem", "rubygems",
                    "nuget", "nuget");

    private final PackageURL purl;

    private PackageCoordinates(PackageURL purl) {
        this.purl = purl;
    }

    /**
     * Parses a purl.
     *
     * @throws IllegalArgumentException when it is not a valid purl, with the library's reason
     */
    public static PackageCoordinates parse(String purl) {
        try {
            return new PackageCoordinates(new PackageURL(purl));
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The coordinates of a product's purl; empty for a product without one. */
    public static Optional<PackageCoordinates> of(String purl) {
        return purl == null ? Optional.empty() : Optional.of(parse(purl));
    }

    /** The canonical purl of the package, without version: versions are the advisory's ranges. */
    public String packagePurl() {
        return withVersion(null);
    }

    public boolean hasVersion() {
        return purl.getVersion() != null;
    }

    /** The canonical purl of one version of the package. */
    public String withVersion(String version) {
        try {
            return purl.toBuilder().withVersion(version).build().canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalStateException("A parsed purl rebuilds with any version", e);
        }
    }

    /** The OSV ecosystem, for purl types OSV defines one for. */
    public Optional<String> osvEcosystem() {
        return Optional.ofNullable(OSV_ECOSYSTEMS.get(purl.getType()));
    }

    /**
     * The package name as the ecosystem writes it: Maven {@code group:artifact}, Go and Packagist
     * {@code namespace/name}, npm {@code @scope/name}.
     */
    public String packageName() {
        String namespace = purl.getNamespace();
        if (namespace == null) {
            return purl.getName();
        }
        return switch (purl.getType()) {
            case "maven" -> namespace + ":" + purl.getName();
            case "npm" -> (namespace.startsWith("@") ? "" : "@") + namespace + "/" + purl.getName();
            default -> namespace + "/" + purl.getName();
        };
    }

    /**
     * OSV's range type: {@code SEMVER} where the ecosystem's versions are semantic versions
     * (crates.io and Go), {@code ECOSYSTEM} where OSV compares them by the ecosystem's own rules.
     */
    public String osvRangeType() {
        return purl.getType().equals("cargo") || purl.getType().equals("golang")
                ? "SEMVER"
                : "ECOSYSTEM";
    }

    /** A version as OSV ranges write it (Go tags lose their {@code v}: OSV's SEMVER has none). */
    public String osvVersion(String version) {
        return purl.getType().equals("golang") && version.startsWith("v")
                ? version.substring(1)
                : version;
    }

    /** The CVE record's collection URL: the purl's repository, or the ecosystem's registry. */
    public Optional<String> collectionUrl() {
        String repository =
                purl.getQualifiers() == null ? null : purl.getQualifiers().get("repository_url");
        if (repository != null) {
            return Optional.of(repository.contains("://") ? repository : "https://" + repository);
        }
        return Optional.ofNullable(COLLECTIONS.get(purl.getType()));
    }

    /**
     * The CVE record's version type for these versions: {@code git} for commit ids, the ecosystem's
     * scheme where it has one, else {@code custom}.
     */
    public String cveVersionType(List<String> versions) {
        if (!versions.isEmpty()
                && versions.stream().allMatch(version -> GIT_COMMIT.matcher(version).matches())) {
            return "git";
        }
        return CVE_VERSION_TYPES.getOrDefault(purl.getType(), "custom");
    }

    /** The {@code vers} scheme of the package's versions: vers names schemes by purl type. */
    public String versScheme() {
        return purl.getType();
    }
}
