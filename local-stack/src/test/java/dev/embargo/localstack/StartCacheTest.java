package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartCacheTest {

    @TempDir Path repository;

    @TempDir Path home;

    private Path jar;

    @BeforeEach
    void builtService() throws Exception {
        jar = repository.resolve("notify-service/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "built");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-07T10:00:00Z")));
    }

    @Test
    void theFirstStartAfterABuildRecordsTheCacheAndLaterStartsLoadIt() throws Exception {
        EmbargoService notify = new EmbargoService("notify", settings("local"));

        assertThat(notify.startCacheOptions())
                .containsExactly(
                        "-XX:AOTCacheOutput=" + notify.startCache(),
                        EmbargoService.RECORDING_METASPACE);
        assertThat(notify.hasStartCache()).isFalse();

        Files.writeString(notify.startCache(), "recorded");
        assertThat(notify.hasStartCache()).isTrue();
        assertThat(notify.startCacheOptions())
                .containsExactly("-XX:AOTCache=" + notify.startCache());
    }

    @Test
    void aCacheOlderThanTheBuildIsRecordedAgain() throws Exception {
        EmbargoService notify = new EmbargoService("notify", settings("local"));
        Files.createDirectories(notify.startCache().getParent());
        Files.writeString(notify.startCache(), "recorded before the build");
        Files.setLastModifiedTime(
                notify.startCache(), FileTime.from(Instant.parse("2026-12-07T09:00:00Z")));

        assertThat(notify.hasStartCache()).isFalse();
        assertThat(notify.startCacheOptions())
                .containsExactly(
                        "-XX:AOTCacheOutput=" + notify.startCache(),
                        EmbargoService.RECORDING_METASPACE);
        assertThat(notify.startCache()).doesNotExist();
    }

    @Test
    void anEmptyCacheLeftByAKilledRecordingIsRecordedAgain() throws Exception {
        EmbargoService notify = new EmbargoService("notify", settings("local"));
        Files.createDirectories(notify.startCache().getParent());
        Files.writeString(notify.startCache(), "");

        assertThat(notify.hasStartCache()).isFalse();
        assertThat(notify.recordsStartCache()).isTrue();
        assertThat(notify.startCacheOptions())
                .containsExactly(
                        "-XX:AOTCacheOutput=" + notify.startCache(),
                        EmbargoService.RECORDING_METASPACE);
    }

    @Test
    void theTestStackStartsWithoutACache() {
        assertThat(new EmbargoService("notify", settings("test")).startCacheOptions()).isEmpty();
    }

    private StackSettings settings(String profile) {
        return StackSettings.from(
                StackSettings.Lookup.of(
                        Map.of(
                                "EMBARGO_REPO",
                                repository.toString(),
                                "EMBARGO_HOME",
                                home.toString(),
                                "EMBARGO_PROFILE",
                                profile)));
    }
}
