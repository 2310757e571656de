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
    /**
     * CSAF 2.0 {@code csaf_vex}: the status per product version, signed; only for advisories with
     * such statements.
     */
    CSAF_VEX,
    /** The same statements as CycloneDX 1.6 VEX, signed like the CSAF documents. */
    CYCLONEDX_VEX,
    /** An OSV record. */
    OSV,
    /** A CVE JSON 5 record; only for advisories with a CVE id. */
    CVE;

    /**
     * Whether the document is signed (CSAF 2.0 §7.1.14 asks it of CSAF documents; the CycloneDX VEX
     * document states the same and is signed alike).
     */
    public boolean signed() {
        return this == CSAF || this == CSAF_VEX || this == CYCLONEDX_VEX;
    }
}
