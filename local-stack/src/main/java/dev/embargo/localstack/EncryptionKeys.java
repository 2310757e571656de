package dev.embargo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The stack's envelope key ring for the services' field encryption ({@code
 * EMBARGO_ENCRYPTION_KEYS}, {@code k1:<base64 of 32 random bytes>}), generated once into {@code
 * secrets/encryption-keys} (mode 600) and kept until {@code reset}: data sealed before a restart
 * must still open after it.
 */
final class EncryptionKeys {

    static final String FILE_NAME = "encryption-keys";
    private static final int KEY_BYTES = 32;

    private EncryptionKeys() {}

    /** Synchronized: services starting side by side must all get the one ring. */
    static synchronized String ensure(Path secretsDirectory) {
        Path file = secretsDirectory.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(secretsDirectory);
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Path fresh =
                        Files.createTempFile(
                                secretsDirectory,
                                FILE_NAME,
                                ".new",
                                PosixFilePermissions.asFileAttribute(
                                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(
                        fresh,
                        "k1:" + Base64.getEncoder().encodeToString(key) + System.lineSeparator());
                // Written aside and moved in: a service never reads half a key ring.
                Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new StackException("Cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }
}
