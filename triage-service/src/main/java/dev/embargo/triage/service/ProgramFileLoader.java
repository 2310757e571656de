package dev.embargo.triage.service;

import dev.embargo.policy.io.InvalidProgramException;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.config.TriageConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Loads the program files at start. A bad file is refused whole and logged with its errors; the
 * other programs load, and the service starts, so one typo does not take triage down.
 */
@ApplicationScoped
public class ProgramFileLoader {

    private static final Logger LOG = Logger.getLogger(ProgramFileLoader.class);

    private final ProgramRegistry registry;
    private final TriageConfig config;

    ProgramFileLoader(ProgramRegistry registry, TriageConfig config) {
        this.registry = registry;
        this.config = config;
    }

    void loadAtStart(@Observes StartupEvent startup) throws Throwable {
        if (config.programsDir().isEmpty()) {
            LOG.info(
                    "No programs directory configured (EMBARGO_PROGRAMS_DIR); programs come from"
                            + " the API only");
            return;
        }
        Path directory = config.programsDir().get();
        if (!Files.isDirectory(directory)) {
            LOG.warnf("Programs directory %s does not exist; no program files loaded", directory);
            return;
        }
        for (Path file : programFiles(directory)) {
            Program program;
            try {
                program = registry.parse(Files.readString(file), file.getFileName().toString());
            } catch (InvalidProgramException e) {
                LOG.error(e.getMessage());
                continue;
            }
            int revision =
                    VertxContextSupport.subscribeAndAwait(
                                    () ->
                                            registry.record(
                                                    program, "file " + file.getFileName(), null))
                            .revision;
            LOG.infof(
                    "Program %s in force at revision %d (%s)",
                    program.slug(), revision, file.getFileName());
        }
    }

    private static List<Path> programFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(
                            file ->
                                    file.toString().endsWith(".yaml")
                                            || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }
}
