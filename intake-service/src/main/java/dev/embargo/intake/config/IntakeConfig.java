package dev.embargo.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Intake's settings, under {@code embargo.intake}. */
@ConfigMapping(prefix = "embargo.intake")
public interface IntakeConfig {

    /** Base URL researchers reach intake at, used to build status links (no trailing slash). */
    String publicUrl();

    /** The program whose security.txt {@code /.well-known/security.txt} serves; empty: the first by slug. */
    Optional<String> defaultProgram();

    /** How much one client, and everyone together, may ask of the reporter endpoints. */
    RateLimits rateLimits();

    interface RateLimits {

        /** Requests per minute one client may make to /api/v1/reports (submissions, status, messages). */
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
