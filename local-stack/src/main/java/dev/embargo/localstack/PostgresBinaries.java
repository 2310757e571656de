package dev.embargo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL server binaries: {@code EMBARGO_POSTGRES_BIN}, else the newest {@code
 * /usr/lib/postgresql/<major>/bin} (Debian's layout) from {@value #OLDEST_MAJOR} on.
 */
final class PostgresBinaries {

    static final int OLDEST_MAJOR = 14;
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    private final Path directory;

    private PostgresBinaries(Path directory) {
        this.directory = directory;
    }

    static PostgresBinaries locate() {
        String configured = System.getenv("EMBARGO_POSTGRES_BIN");
        if (configured != null && !configured.isBlank()) {
            Path directory = Path.of(configured.strip());
            if (!Files.isExecutable(directory.resolve("postgres"))) {
                throw new StackException(
                        "EMBARGO_POSTGRES_BIN=" + directory + " holds no postgres binary");
            }
            return new PostgresBinaries(directory);
        }
        return newestIn(DEBIAN_ROOT)
                .map(PostgresBinaries::new)
                .orElseThrow(
                        () ->
                                new StackException(
                                        "PostgreSQL server binaries ("
                                                + OLDEST_MAJOR
                                                + " or newer) are missing: install Debian's"
                                                + " 'postgresql' package (./embargo does so when"
                                                + " run as root) or set EMBARGO_POSTGRES_BIN to a"
                                                + " directory holding postgres, initdb, pg_ctl and"
                                                + " psql."));
    }

    /** The {@code bin} directory of the newest supported major version under {@code root}. */
    static Optional<Path> newestIn(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(version -> majorOf(version) >= OLDEST_MAJOR)
                    .filter(version -> Files.isExecutable(version.resolve("bin/postgres")))
                    .max(Comparator.comparingInt(PostgresBinaries::majorOf))
                    .map(version -> version.resolve("bin"));
        } catch (IOException e) {
            throw new StackException("Cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private static int majorOf(Path versionDirectory) {
        try {
            return Integer.parseInt(versionDirectory.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    String tool(String name) {
        return directory.resolve(name).toString();
    }
}
