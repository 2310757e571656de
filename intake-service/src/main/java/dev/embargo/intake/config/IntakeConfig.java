package dev.embargo.intake.config;

import io.smallrye.config.ConfigMapping;
import java.util.Set;

/** Intake's settings, under {@code embargo.intake}. */
@ConfigMapping(prefix = "embargo.intake")
public interface IntakeConfig {

    /** Base URL researchers reach intake at, used to build status links (no trailing slash). */
    String publicUrl();

    /** Slugs of the programs that accept reports. */
    Set<String> programs();
}
