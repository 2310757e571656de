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
        return released(cipher, program, group, title, Instant.now().plus(5, ChronoUnit.DAYS));
    }

    public static PreAdvisoryReleased released(
            FieldCipher cipher, String program, String group, String title, Instant liftAt) {
        String document =
                "{\"advisory\":\"EMB-2026-0042\",\"title\":\"%s\",\"summary\":\"Embargoed details of %s\"}"
                        .formatted(title, title);
        return new PreAdvisoryReleased(
                UUID.randomUUID().toString(),
                program,
                List.of(group),
                liftAt,
                cipher.seal(document),
                "cora",
                Instant.now());
    }
}
