package dev.embargo.intake.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Intake's settings, under {@code embargo.intake}. */
@ConfigMapping(prefix = "embargo.intake")
public interface IntakeConfig {

    /** Base URL researchers reach intake at, used to build status links (no trailing slash). */
    String publicUrl();

    /** The program whose security.txt {@code /.well-known/security.txt} serves; empty: the first by slug. */
    Optional<String> defaultProgram();
}
