package dev.embargo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The JDK's ahead-of-time cache of an infrastructure process's classes, loaded and linked (JEP
 * 483): the first start records it and the JVM writes it as that process stops (JEP 514); later
 * starts load it and spend a good part less CPU, which the services starting beside them get. The
 * file is named after the JDK, which refuses another JDK's cache.
 */
final class StartCache {

    /** The JDK release whose java records an AOT cache in the run it trains on. */
    static final int SINCE = 25;

    private final Path file;

    /** A cache named {@code <name>-jdk-<version>.aot} in {@code directory}. */
    StartCache(Path directory, String name) {
        this.file = directory.resolve(name + "-jdk-" + Runtime.version() + ".aot");
    }

    Path file() {
        return file;
    }

    /** The JVM options of a start: load the cache, or record it, or nothing before JDK 25. */
    List<String> jvmOptions() {
        if (Runtime.version().feature() < SINCE) {
            return List.of();
        }
        return present() ? List.of("-XX:AOTCache=" + file) : List.of("-XX:AOTCacheOutput=" + file);
    }

    /** How long a stop may take: a recording process writes the cache as it exits. */
    Duration stopGrace() {
        return Runtime.version().feature() >= SINCE && !present()
                ? ManagedProcess.RECORDING_STOP_GRACE
                : ManagedProcess.STOP_GRACE;
    }

    /** For a new build of what the cache holds: the JVM would refuse the old one. */
    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StackException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    /** An empty file is what a recording process killed before it wrote the cache leaves. */
    private boolean present() {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new StackException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
