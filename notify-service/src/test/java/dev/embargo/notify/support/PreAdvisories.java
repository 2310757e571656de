package dev.embargo.notify.support;

import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.kit.crypto.FieldCipher;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Pre-advisories as advisory releases them: the document sealed, for one program's partner groups.
 */
public final class PreAdvisories {

    private PreAdvisories() {}

    public static PreAdvisoryReleased released(
            FieldCipher cipher, String program, String group, String title) {
        String document =
                "{\"title\":\"%s\",\"summary\":\"Embargoed details of %s\"}"
                        .formatted(title, title);
        return new PreAdvisoryReleased(
                UUID.randomUUID().toString(),
                program,
                List.of(group),
                Instant.now().plus(5, ChronoUnit.DAYS),
                cipher.seal(document),
                "cora",
                Instant.now());
    }
}
