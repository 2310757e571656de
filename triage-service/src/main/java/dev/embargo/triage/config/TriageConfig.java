package dev.embargo.triage.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Triage's settings, under {@code embargo.triage}. */
@ConfigMapping(prefix = "embargo.triage")
public interface TriageConfig {

    /**
     * Directory of program files ({@code *.yaml}) loaded at start; a file that differs from the
     * program's revision in force becomes a new revision. Empty: programs come only from the API.
     */
    Optional<Path> programsDir();
}
