package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @TempDir Path root;

    @Test
    void theNewestInstalledMajorVersionIsUsed() throws IOException {
        install("14");
        install("17");
        install("15");

        assertThat(PostgresBinaries.newestIn(root)).contains(root.resolve("17/bin"));
    }

    @Test
    void versionsOlderThan14AndDirectoriesWithoutAServerDoNotCount() throws IOException {
        install("13");
        Files.createDirectories(root.resolve("18/bin"));
        Files.createDirectories(root.resolve("common/bin"));

        assertThat(PostgresBinaries.newestIn(root)).isEmpty();
    }

    @Test
    void aMachineWithoutPostgresqlHasNoBinaries() {
        assertThat(PostgresBinaries.newestIn(root.resolve("absent"))).isEmpty();
    }

    private void install(String major) throws IOException {
        Path bin = Files.createDirectories(root.resolve(major).resolve("bin"));
        Files.createFile(
                bin.resolve("postgres"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
