package dev.embargo.advisory.domain;

/** The forms a published advisory is kept in. */
public enum DocumentFormat {
    /**
     * The published content itself ({@link PublishedAdvisory}), from which pages and feeds are
     * drawn.
     */
    SNAPSHOT,
    /** CSAF 2.0 {@code csaf_security_advisory}, signed. */
    CSAF,
    /** An OSV record. */
    OSV,
    /** A CVE JSON 5 record; only for advisories with a CVE id. */
    CVE
}
