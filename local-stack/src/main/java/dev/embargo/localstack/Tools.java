package dev.embargo.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The infrastructure's distributions from Maven Central: the Kafka broker's classpath, Keycloak
 * (unpacked once) and GreenMail. Maven resolves them, through the Maven Wrapper, from {@code
 * local-stack/infrastructure.xml} (which holds the versions): it honours the machine's Maven
 * settings and mirrors, verifies checksums, and keeps everything in the local repository, so once
 * the tools directory is filled later starts fetch nothing.
 */
final class Tools {

    private static final String INFRASTRUCTURE_POM = "local-stack/infrastructure.xml";

    private final StackSettings settings;

    Tools(StackSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether everything is in place, fetched for the infrastructure.xml of the checkout as it is
     * now.
     */
    boolean present() {
        return fetchedFor().equals(Optional.of(infrastructureHash()))
                && kafkaClasspathComplete()
                && find("greenmail-standalone-", ".jar").isPresent()
                && unpackedKeycloak().isPresent();
    }

    /**
     * Fetches everything afresh with Maven and unpacks Keycloak: a changed version leaves nothing
     * old behind.
     */
    void fetch() {
        LocalStack.deleteTree(settings.toolsDir());
        Path repository = settings.repository();
        List<String> maven =
                List.of(
                        repository.resolve("mvnw").toString(),
                        "-q",
                        "-B",
                        "--strict-checksums",
                        "-f",
                        repository.resolve(INFRASTRUCTURE_POM).toString(),
                        "dependency:copy@tools",
                        "dependency:build-classpath@kafka",
                        "-Dtools.dir=" + settings.toolsDir());
        ProcessBuilder builder =
                new ProcessBuilder(maven).inheritIO().directory(repository.toFile());
        builder.environment().put("JAVA_HOME", Commands.javaHome());
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new StackException(
                        "Could not fetch the infrastructure from Maven Central (Maven exited with "
                                + exit
                                + ")");
            }
        } catch (IOException e) {
            throw new StackException("Cannot run the Maven Wrapper: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while fetching the infrastructure", e);
        }
        Path zip =
                find("keycloak-quarkus-dist-", ".zip")
                        .orElseThrow(
                                () ->
                                        new StackException(
                                                "Maven did not copy Keycloak's distribution to "
                                                        + settings.toolsDir()));
        // Unpacked aside and moved in whole: an interrupted unpack never looks like a distribution.
        Path unpacking = settings.toolsDir().resolve(".unpacking");
        unzip(zip, unpacking);
        moveEachInto(unpacking, settings.toolsDir());
        delete(unpacking);
        delete(zip);
        try {
            Files.writeString(stampFile(), infrastructureHash());
        } catch (IOException e) {
            throw new StackException("Cannot write " + stampFile() + ": " + e.getMessage(), e);
        }
    }

    String kafkaClasspath() {
        try {
            return Files.readString(kafkaClasspathFile()).strip();
        } catch (IOException e) {
            throw new StackException(
                    "Cannot read " + kafkaClasspathFile() + "; run ./embargo up again to fetch it",
                    e);
        }
    }

    Path greenMailJar() {
        return find("greenmail-standalone-", ".jar").orElseThrow(Tools::notFetched);
    }

    /** Keycloak's home, as unpacked from its distribution. */
    Path keycloakHome() {
        return unpackedKeycloak().orElseThrow(Tools::notFetched);
    }

    private Optional<Path> unpackedKeycloak() {
        return find("keycloak-", "").filter(home -> Files.isRegularFile(home.resolve("bin/kc.sh")));
    }

    /**
     * The classpath file lists jars of the local Maven repository, which may have been cleaned
     * since.
     */
    private boolean kafkaClasspathComplete() {
        if (!Files.isRegularFile(kafkaClasspathFile())) {
            return false;
        }
        return Arrays.stream(kafkaClasspath().split(File.pathSeparator))
                .map(Path::of)
                .allMatch(Files::isRegularFile);
    }

    private Optional<String> fetchedFor() {
        try {
            return Files.isRegularFile(stampFile())
                    ? Optional.of(Files.readString(stampFile()).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String infrastructureHash() {
        Path pom = settings.repository().resolve(INFRASTRUCTURE_POM);
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pom)));
        } catch (IOException e) {
            throw new StackException("Cannot read " + pom + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path stampFile() {
        return settings.toolsDir().resolve("fetched-for-infrastructure.sha256");
    }

    private Path kafkaClasspathFile() {
        return settings.toolsDir().resolve("kafka.classpath");
    }

    private Optional<Path> find(String prefix, String suffix) {
        if (!Files.isDirectory(settings.toolsDir())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(settings.toolsDir())) {
            return files.filter(
                            file -> {
                                String name = file.getFileName().toString();
                                return name.startsWith(prefix) && name.endsWith(suffix);
                            })
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            throw new StackException("Cannot list " + settings.toolsDir(), e);
        }
    }

    private static StackException notFetched() {
        return new StackException("The infrastructure's distributions are not fetched yet");
    }

    private static void unzip(Path zip, Path target) {
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry();
                    entry != null;
                    entry = entries.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new StackException(
                            "Refusing to unpack " + entry.getName() + " outside " + target);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.copy((InputStream) entries, file, StandardCopyOption.REPLACE_EXISTING);
                // Zip entries carry no Unix modes that ZipInputStream exposes; the scripts must
                // run.
                if (file.toString().endsWith(".sh")) {
                    Files.setPosixFilePermissions(
                            file, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        } catch (IOException e) {
            throw new StackException("Cannot unpack " + zip + ": " + e.getMessage(), e);
        }
    }

    private static void moveEachInto(Path source, Path target) {
        try (Stream<Path> entries = Files.list(source)) {
            for (Path entry : entries.toList()) {
                Files.move(
                        entry, target.resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new StackException(
                    "Cannot move " + source + " into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new StackException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
