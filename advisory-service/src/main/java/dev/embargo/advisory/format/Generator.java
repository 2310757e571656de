package dev.embargo.advisory.format;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The engine named in the documents it writes (CSAF {@code generator}, CVE {@code x_generator}).
 */
final class Generator {

    static final String NAME = "Embargo";

    private Generator() {}

    /** The running build's version, as Quarkus records it; empty outside a built application. */
    static Optional<String> version() {
        try {
            return ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.application.version", String.class);
        } catch (IllegalStateException noConfiguration) {
            return Optional.empty();
        }
    }
}
