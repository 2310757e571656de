package dev.embargo.policy.model;

import dev.embargo.policy.model.DisclosurePolicy.SupportedVersion;
import dev.embargo.policy.model.Program.Release;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a reported version still gets security fixes, by the first matching row of the supported
 * versions table. Rows name versions as {@code main}, {@code 1.0.x} (that minor line), {@code <1.0}
 * (anything older) or {@code *} (everything else); a leading {@code v} is ignored on both sides.
 *
 * <p>Rule rows count with the program's release list, leaving out releases past their end of life:
 * {@code latest-minor-series} covers the {@code count} newest major.minor series (and anything
 * newer), {@code latest-major-series} the newest majors, {@code lts} the major.minor series of
 * releases marked lts, {@code latest-release} the newest release and anything newer. A row past its
 * {@code endOfLife} counts its versions as unsupported. With rules and releases, a numbered version
 * no row matches is unsupported, not unknown.
 */
public enum VersionSupport {
    SUPPORTED,
    /** Reports against it are flagged: the program does not fix it. */
    UNSUPPORTED,
    /** The policy has no table, or no row matches. */
    UNKNOWN;

    /** The version's support under the program's table and release list, on a given day. */
    public static VersionSupport of(Program program, String version, LocalDate on) {
        return of(program.policy().supportedVersions(), program.releases(), version, on);
    }

    /** The version's support under a table of version rows only, regardless of dates. */
    public static VersionSupport of(List<SupportedVersion> table, String version) {
        return of(table, List.of(), version, null);
    }

    /**
     * The version's support under the table, counting rules with the releases.
     *
     * @param on the day to judge end-of-life dates on; null to ignore them
     */
    public static VersionSupport of(
            List<SupportedVersion> table, List<Release> releases, String version, LocalDate on) {
        if (table == null || table.isEmpty() || version == null || version.isBlank()) {
            return UNKNOWN;
        }
        String reported = withoutV(version.strip());
        List<String> inForce =
                releases == null
                        ? List.of()
                        : releases.stream()
                                .filter(release -> !ended(release.endOfLife(), on))
                                .map(release -> withoutV(release.version().strip()))
                                .filter(VersionSupport::isNumeric)
                                .toList();
        List<String> lts =
                releases == null
                        ? List.of()
                        : releases.stream()
                                .filter(release -> Boolean.TRUE.equals(release.lts()))
                                .filter(release -> !ended(release.endOfLife(), on))
                                .map(release -> withoutV(release.version().strip()))
                                .toList();
        for (SupportedVersion row : table) {
            boolean matches =
                    row.rule() == null
                            ? matches(withoutV(row.versions().strip()), reported)
                            : isNumeric(reported) && matchesRule(row, reported, inForce, lts);
            if (matches) {
                return row.securityFixes() && !ended(row.endOfLife(), on) ? SUPPORTED : UNSUPPORTED;
            }
        }
        boolean judgedByRules =
                !inForce.isEmpty() && table.stream().anyMatch(row -> row.rule() != null);
        return judgedByRules && isNumeric(reported) ? UNSUPPORTED : UNKNOWN;
    }

    private static boolean ended(LocalDate endOfLife, LocalDate on) {
        return endOfLife != null && on != null && on.isAfter(endOfLife);
    }

    private static boolean matchesRule(
            SupportedVersion row, String version, List<String> releases, List<String> lts) {
        int count = row.count() == null ? 1 : row.count();
        return switch (row.rule()) {
            case "latest-minor-series" -> amongNewestSeries(version, releases, 2, count);
            case "latest-major-series" -> amongNewestSeries(version, releases, 1, count);
            case "latest-release" ->
                    !releases.isEmpty()
                            && releases.stream()
                                    .allMatch(release -> compare(version, release) >= 0);
            case "lts" ->
                    lts.stream()
                            .anyMatch(
                                    release ->
                                            compare(series(release, 2), series(version, 2)) == 0);
            default -> false;
        };
    }

    /** Whether the version's series is among the {@code count} newest, or newer than them all. */
    private static boolean amongNewestSeries(
            String version, List<String> releases, int parts, int count) {
        List<String> newest =
                releases.stream()
                        .map(release -> series(release, parts))
                        .distinct()
                        .sorted((a, b) -> compare(b, a))
                        .limit(count)
                        .toList();
        return !newest.isEmpty()
                && compare(series(version, parts), newest.get(newest.size() - 1)) >= 0;
    }

    /** The first {@code parts} numbers of a version: its major.minor series, or its major. */
    private static String series(String version, int parts) {
        return Arrays.stream(numbers(version))
                .limit(parts)
                .mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining("."));
    }

    private static boolean matches(String pattern, String version) {
        if (pattern.equals("*") || pattern.equals(version)) {
            return true;
        }
        if (pattern.startsWith("<")) {
            return isNumeric(version)
                    && compare(version, withoutV(pattern.substring(1).strip())) < 0;
        }
        if (pattern.endsWith(".x")) {
            String line = pattern.substring(0, pattern.length() - 2);
            return version.equals(line) || version.startsWith(line + ".");
        }
        return false;
    }

    private static int compare(String left, String right) {
        int[] a = numbers(left);
        int[] b = numbers(right);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = Integer.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("[.-]"))
                .takeWhile(part -> part.matches("\\d+"))
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    private static boolean isNumeric(String version) {
        return version.matches("\\d+(\\.\\d+)*([-+].*)?");
    }

    private static String withoutV(String version) {
        return version.startsWith("v") || version.startsWith("V") ? version.substring(1) : version;
    }
}
