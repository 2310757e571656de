package dev.embargo.triage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Triage's settings, under {@code embargo.triage}. */
@ConfigMapping(prefix = "embargo.triage")
public interface TriageConfig {

    /**
     * Directory of program files ({@code *.yaml}) loaded at start; a file that differs from the
     * program's revision in force becomes a new revision. Empty: programs come only from the API.
     */
    Optional<Path> programsDir();

    /** How the deadline scheduler works. */
    Deadlines deadlines();

    /** The clock cases are judged by. */
    Clock clock();

    /** How long a case waits for the reporter's answer (needs_info). */
    NeedsInfo needsInfo();

    /**
     * The staff console served at {@code /console/}: where its browser code finds Keycloak and the
     * other services.
     */
    Console console();

    /** Integrations: the Keycloak clients of scripts and tools. */
    Integrations integrations();

    interface Integrations {

        /**
         * How long an integration's access token lives. Triage refuses a revoked integration's
         * tokens at once; the other services only once they expire.
         */
        @WithDefault("60s")
        Duration tokenLifespan();

        /** How often each triage replica rereads the revoked integrations. */
        @WithDefault("5s")
        Duration revocationRefresh();
    }

    interface Deadlines {

        /** How often the scheduler looks for deadlines falling due. */
        @WithDefault("30s")
        Duration scanInterval();

        /**
         * At most this long before a due time the team is warned (less for short deadlines: a
         * quarter of the time given).
         */
        @WithDefault("24h")
        Duration warnBefore();

        /** Due rows handled per transaction. */
        @WithDefault("100")
        int batchSize();
    }

    interface NeedsInfo {

        /**
         * The silence after which a case waiting for the reporter closes as "no response"; the
         * reporter is reminded halfway.
         */
        @WithDefault("P30D")
        Duration silence();

        /** How long after such a close the reporter's answer still reopens the case. */
        @WithDefault("P30D")
        Duration reopenWithin();
    }

    interface Clock {

        /**
         * Whether an admin may move triage's clock forward (PUT /api/v1/clock), so that tests see
         * deadlines fall due without waiting days. Never on in production: the endpoint answers
         * 404.
         */
        @WithDefault("false")
        boolean adjustable();
    }

    interface Console {

        /**
         * Keycloak's base URL as staff browsers reach it (without {@code /realms/...}). Empty: the
         * one of {@code quarkus.oidc.auth-server-url}, whose realm the console always signs in to.
         */
        Optional<String> keycloakUrl();

        /** The console's public Keycloak client (authorization code flow with PKCE). */
        @WithDefault("embargo-console")
        String clientId();

        /**
         * Base URLs of intake's, notify's and advisory's staff APIs as browsers reach them. Empty:
         * the console's own origin, as behind the Helm chart's staff ingress where every service's
         * staff paths share one host.
         */
        Optional<String> intakeUrl();

        Optional<String> notifyUrl();

        Optional<String> advisoryUrl();
    }
}
