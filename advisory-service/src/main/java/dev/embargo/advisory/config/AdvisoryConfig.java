package dev.embargo.advisory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How advisory names, publishes and signs advisories, under {@code embargo.advisory}. */
@ConfigMapping(prefix = "embargo.advisory")
public interface AdvisoryConfig {

    /**
     * Prefix of public advisory ids: {@code EMB} gives {@code EMB-2026-0007}. Upper-case letters
     * and digits.
     */
    @WithDefault("EMB")
    String idPrefix();

    /**
     * The public base URL of this service, as readers reach it (links in feeds, CSAF and pages).
     */
    @WithDefault("http://localhost:8084")
    String publicUrl();

    /** The CSAF publisher: who issues the advisories. */
    Publisher publisher();

    /** How often the lift-time scan runs, and how many due advisories one pass publishes. */
    @WithDefault("1s")
    Duration publicationScanInterval();

    @WithDefault("20")
    int publicationBatchSize();

    /** The CVE Numbering Authority's organisation id (a UUID) written into CVE JSON 5 records. */
    @WithDefault("8254265b-2729-46b6-b9e3-3dfca2d5bfca")
    String cveAssignerOrgId();

    /** The CNA's short name in CVE records. */
    @WithDefault("embargo")
    String cveAssignerShortName();

    /**
     * An ASCII-armored OpenPGP secret key that signs CSAF documents. When absent, a key is
     * generated once and kept sealed in the database (a key from your own key management is
     * preferable).
     */
    Optional<String> signingKey();

    /** The passphrase of {@link #signingKey()}; empty for an unprotected key. */
    Optional<String> signingKeyPassphrase();

    /** Submission of CVE records to CVE Services, the CVE Program's API. */
    CveServices cveServices();

    interface CveServices {

        /**
         * CVE Services' base URL: {@code https://cveawg.mitre.org/api} in production, {@code
         * https://cveawg-test.mitre.org/api} for the CVE Program's test environment.
         */
        @WithDefault("https://cveawg.mitre.org/api")
        URI url();

        /**
         * Check and log each submission without sending it. On unless turned off: a deployment
         * decides when its records start reaching the CVE Program.
         */
        @WithDefault("true")
        boolean dryRun();

        /** How often pending submissions are tried, and how long one request may take. */
        @WithDefault("5s")
        Duration scanInterval();

        @WithDefault("20s")
        Duration timeout();

        /**
         * The CVE Services account of each program that is a CNA, by program slug; a program
         * without one has its records kept, not sent.
         */
        Map<String, Account> programs();

        /** A CVE Services user: the three headers every request carries. */
        interface Account {

            /** The CNA's organisation short name ({@code CVE-API-ORG}). */
            String organisation();

            /** The user name ({@code CVE-API-USER}). */
            String user();

            /**
             * The user's API key ({@code CVE-API-KEY}): a secret, set by environment, never logged.
             */
            String apiKey();
        }
    }

    interface Publisher {

        @WithDefault("Embargo")
        String name();

        /** A URL that identifies the publisher (CSAF {@code publisher.namespace}). */
        @WithDefault("https://embargo.localhost")
        String namespace();

        /**
         * CSAF publisher category: {@code vendor}, {@code coordinator}, {@code discoverer}, {@code
         * other}…
         */
        @WithDefault("vendor")
        String category();

        @WithDefault("security@embargo.localhost")
        String contact();
    }
}
