package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionKeysTest {

    @TempDir Path secrets;

    @Test
    void theRingHoldsOneKeyOf32RandomBytesNamedK1() {
        String ring = EncryptionKeys.ensure(secrets);

        assertThat(ring).startsWith("k1:");
        assertThat(Base64.getDecoder().decode(ring.substring("k1:".length()))).hasSize(32);
    }

    @Test
    void theRingIsGeneratedOnceAndReadableByItsOwnerOnly() throws IOException {
        String first = EncryptionKeys.ensure(secrets);
        String second = EncryptionKeys.ensure(secrets);

        assertThat(second).isEqualTo(first);
        Path file = secrets.resolve(EncryptionKeys.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aFreshStackGetsAFreshKey() {
        assertThat(EncryptionKeys.ensure(secrets.resolve("a")))
                .isNotEqualTo(EncryptionKeys.ensure(secrets.resolve("b")));
    }
}
