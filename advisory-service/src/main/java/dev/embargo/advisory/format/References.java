package dev.embargo.advisory.format;

import dev.embargo.advisory.domain.AdvisoryContent.Reference;

/** A reference's type in each format's own words. */
final class References {

    private References() {}

    /** The type as the team gave it ({@code web} when not given). */
    static String type(Reference reference) {
        return reference.type() == null ? "web" : reference.type();
    }

    /** The OSV reference type: the same words, upper case. */
    static String osvType(Reference reference) {
        return type(reference).toUpperCase(java.util.Locale.ROOT);
    }

    /** The CVE record's reference tag. */
    static String cveTag(Reference reference) {
        return switch (type(reference)) {
            case "advisory" -> "third-party-advisory";
            case "fix" -> "patch";
            case "report" -> "issue-tracking";
            case "package" -> "product";
            case "article" -> "technical-description";
            default -> "related";
        };
    }
}
