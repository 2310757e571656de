package dev.embargo.policy.model;

import dev.embargo.policy.model.DisclosurePolicy.SupportedVersion;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a reported version still gets security fixes, by the first matching row of the supported
 * versions table. Rows name versions as {@code main}, {@code 1.0.x} (that minor line), {@code <1.0}
 * (anything older) or {@code *} (everything else); a leading {@code v} is ignored on both sides.
 */
public enum VersionSupport {
    SUPPORTED,
    /** Reports against it are flagged: the program does not fix it. */
    UNSUPPORTED,
    /** The policy has no table, or no row matches. */
    UNKNOWN;

    public static VersionSupport of(List<SupportedVersion> table, String version) {
        if (table == null || table.isEmpty() || version == null || version.isBlank()) {
            return UNKNOWN;
        }
        String reported = withoutV(version.strip());
        return table.stream()
                .filter(row -> matches(withoutV(row.versions().strip()), reported))
                .findFirst()
                .map(row -> row.securityFixes() ? SUPPORTED : UNSUPPORTED)
                .orElse(UNKNOWN);
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
