package dev.embargo.intake.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Intake's settings, under {@code embargo.intake}. */
@ConfigMapping(prefix = "embargo.intake")
public interface IntakeConfig {

    /** Base URL researchers reach intake at, used to build status links (no trailing slash). */
    String publicUrl();

    /**
     * The program whose security.txt {@code /.well-known/security.txt} serves; empty: the first by
     * slug.
     */
    Optional<String> defaultProgram();

    /** How much one client, and everyone together, may ask of the reporter endpoints. */
    RateLimits rateLimits();

    /** How admission of new reports follows what triage keeps up with (see {@code Admission}). */
    Admission admission();

    /** What reporters may attach. */
    Attachments attachments();

    /** The email channel: reports and replies sent to a program's intake address. */
    Mail mail();

    /** How reports without files share transactions under load (SubmissionBatches). */
    Submissions submissions();

    interface Submissions {

        /** Most reports stored by one transaction. */
        @WithDefault("64")
        int maxBatchSize();

        /**
         * Most transactions storing reports at once; each holds one pooled connection while it
         * runs. One runs at a time unless a full batch waits (see {@code SubmissionBatches}).
         */
        @WithDefault("4")
        int maxConcurrentBatches();
    }

    interface Admission {

        /**
         * Backlog, in events of the report lifecycle topic triage has not read yet, from which each
         * network may submit only {@link #busyPerNetworkPerMinute()} reports: the few networks
         * flooding are refused first, everyone else still gets in and is acknowledged soon.
         */
        @WithDefault("1500")
        long busyBacklog();

        /** Backlog from which every new report is refused with 503 until triage catches up. */
        @WithDefault("15000")
        long maxBacklog();

        /** Reports one network (IPv4 /24, IPv6 /64) may submit a minute while triage is behind. */
        @WithDefault("10")
        int busyPerNetworkPerMinute();

        /** How often triage's lag is read from Kafka; 0 turns admission by backlog off. */
        @WithDefault("1s")
        Duration backlogRefreshInterval();

        /** The consumer group whose lag is the backlog: triage, which acknowledges reports. */
        @WithDefault("triage")
        String triageGroup();

        /** Retry-After of a report refused over the {@link #maxBacklog()}. */
        @WithDefault("15s")
        Duration retryAfter();
    }

    interface Attachments {

        /** Largest file, in bytes. */
        @WithDefault("10M")
        MemorySize maxFileSize();

        /** Most files in one upload (one report or one message). */
        @WithDefault("5")
        int maxFilesPerUpload();

        /** Most files one report may gather over its whole conversation. */
        @WithDefault("20")
        int maxFilesPerReport();
    }

    interface Mail {

        /** Whether intake reads the programs' intake mailboxes at all. */
        @WithDefault("false")
        boolean enabled();

        /**
         * The domain of the programs' intake addresses: a program's is {@code <slug>@<domain>}.
         * Each is a mailbox on the IMAP server below.
         */
        @WithDefault("reports.embargo.localhost")
        String domain();

        @WithDefault("127.0.0.1")
        String imapHost();

        @WithDefault("993")
        int imapPort();

        /**
         * IMAPS (TLS from the first byte) rather than plain IMAP; plain only for the local stack.
         */
        @WithDefault("true")
        boolean imapTls();

        /** The password of every intake mailbox (the local stack's mail server accepts any). */
        Optional<String> imapPassword();

        /** How often the mailboxes are read. */
        @WithDefault("2s")
        Duration pollInterval();
    }

    interface RateLimits {

        /**
         * Requests per minute one client may make to /api/v1/reports (submissions, status,
         * messages).
         */
        @WithDefault("60")
        int perClientPerMinute();

        /** Requests per second all clients together may make to /api/v1/reports. */
        @WithDefault("500")
        int globalPerSecond();

        /**
         * Addresses of proxies whose {@code X-Forwarded-For} names the client (the first address in
         * it). Empty: the client is the connection's address, and the header is ignored.
         */
        Optional<List<String>> trustedProxies();
    }
}
