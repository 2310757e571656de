package dev.embargo.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the checkout is: the chart, the program files and the services' build output live there.
 */
final class Repository {

    private Repository() {}

    static Path root() {
        String configured = System.getProperty("embargo.repository");
        Path start =
                configured == null || configured.isBlank()
                        ? Path.of("").toAbsolutePath()
                        : Path.of(configured);
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("helm/embargo"))
                    && Files.isRegularFile(dir.resolve("embargo"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No Embargo checkout above " + start);
    }

    static Path chart() {
        return root().resolve("helm/embargo");
    }

    static String version() {
        return System.getProperty("embargo.version", "0.1.0-SNAPSHOT");
    }
}
