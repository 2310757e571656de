package dev.embargo.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The infrastructure's distributions, from Maven Central through the Maven Wrapper (which
 * reuses the local repository, so a second start downloads nothing): the Kafka broker's
 * classpath, Keycloak's distribution (unpacked once) and GreenMail. Versions live in
 * {@code local-stack/infrastructure.xml}.
 */
final class Tools {

    private final StackSettings settings;

    Tools(StackSettings settings) {
        this.settings = settings;
    }

    /** Resolves whatever is missing; returns at once when everything is in place. */
    void ensurePresent() {
        if (Files.exists(kafkaClasspathFile()) && findOne("keycloak-quarkus-dist-", ".zip") != null
                && findOne("greenmail-standalone-", ".jar") != null) {
            return;
        }
        Path repository = settings.repository();
        List<String> maven = List.of(repository.resolve("mvnw").toString(), "-q", "-B",
                "-f", repository.resolve("local-stack/infrastructure.xml").toString(),
                "dependency:copy@tools", "dependency:build-classpath@kafka", "-Dtools.dir=" + settings.toolsDir());
        ProcessBuilder builder = new ProcessBuilder(maven).inheritIO().directory(repository.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new StackException("Could not fetch the infrastructure from Maven Central (exit " + exit + ")");
            }
        } catch (IOException e) {
            throw new StackException("Cannot run the Maven Wrapper: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while fetching the infrastructure", e);
        }
    }

    String kafkaClasspath() {
        try {
            return Files.readString(kafkaClasspathFile()).strip();
        } catch (IOException e) {
            throw new StackException("Cannot read " + kafkaClasspathFile(), e);
        }
    }

    Path greenMailJar() {
        return required(findOne("greenmail-standalone-", ".jar"));
    }

    /** Keycloak's home, unpacked from its distribution the first time. */
    Path keycloakHome() {
        Path zip = required(findOne("keycloak-quarkus-dist-", ".zip"));
        String version = zip.getFileName().toString().replace("keycloak-quarkus-dist-", "").replace(".zip", "");
        Path home = settings.toolsDir().resolve("keycloak-" + version);
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            unzip(zip, settings.toolsDir());
        }
        return home;
    }

    private Path kafkaClasspathFile() {
        return settings.toolsDir().resolve("kafka.classpath");
    }

    private Path findOne(String prefix, String suffix) {
        if (!Files.isDirectory(settings.toolsDir())) {
            return null;
        }
        try (Stream<Path> files = Files.list(settings.toolsDir())) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(suffix);
            }).findFirst().orElse(null);
        } catch (IOException e) {
            throw new StackException("Cannot list " + settings.toolsDir(), e);
        }
    }

    private static Path required(Path path) {
        if (path == null) {
            throw new StackException("The infrastructure is not fetched yet");
        }
        return path;
    }

    private static void unzip(Path zip, Path target) {
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new StackException("Refusing to unpack " + entry.getName() + " outside " + target);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.copy((InputStream) entries, file, StandardCopyOption.REPLACE_EXISTING);
                if (file.toString().endsWith(".sh")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        } catch (IOException e) {
            throw new StackException("Cannot unpack " + zip + ": " + e.getMessage(), e);
        }
    }

    /** Environment for child JVMs: the launcher's own JDK. */
    static Map<String, String> javaEnvironment() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"));
    }
}
