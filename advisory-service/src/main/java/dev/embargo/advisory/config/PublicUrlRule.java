package dev.embargo.advisory.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;

/**
 * The CSAF provider metadata and ROLIE feed must be served over {@code https://} (CSAF 2.0 §7.1.1,
 * and the provider schema's URL patterns); their links come from the public URL. So the service
 * refuses to start with an {@code http://} public URL, except on this machine (the local stack and
 * tests use {@code http://localhost}).
 */
@ApplicationScoped
public class PublicUrlRule {

    void check(@Observes StartupEvent startup, AdvisoryConfig config) {
        requireHttpsOutsideLoopback(config.publicUrl());
    }

    public static void requireHttpsOutsideLoopback(String publicUrl) {
        URI url = URI.create(publicUrl);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        boolean loopback =
                host.equals("localhost")
                        || host.endsWith(".localhost")
                        || host.equals("127.0.0.1")
                        || host.equals("[::1]");
        if (!"https".equalsIgnoreCase(url.getScheme()) && !loopback) {
            throw new IllegalStateException(
                    "EMBARGO_ADVISORY_PUBLIC_URL must use https:// (CSAF provider metadata and the"
                            + " ROLIE feed require it); http:// is for localhost only: "
                            + publicUrl);
        }
    }
}
