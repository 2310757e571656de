package dev.embargo.triage.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain over a case's audit lines: how a line's hash is made, and how a log is checked.
 */
public final class AuditChain {

    private AuditChain() {}

    /**
     * SHA-256 over the previous hash and every field of the line, each length-prefixed so fields
     * cannot run together.
     */
    public static String hashOf(CaseAuditEntry entry) {
        StringBuilder canonical = new StringBuilder();
        String[] fields = {
            entry.previousHash,
            Integer.toString(entry.position),
            entry.id.toString(),
            entry.caseId.toString(),
            entry.at.toInstant().toString(),
            entry.actor,
            entry.action,
            entry.sealedDetail == null ? "" : entry.sealedDetail
        };
        for (String field : fields) {
            canonical.append(field.length()).append(':').append(field).append(';');
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /**
     * Checks a case's log in chain order.
     *
     * @return the 0-based position of the first line that does not verify, or -1 when all do
     */
    public static int firstBrokenLine(List<CaseAuditEntry> log) {
        String previous = "";
        for (int i = 0; i < log.size(); i++) {
            CaseAuditEntry entry = log.get(i);
            if (entry.position != i
                    || !entry.previousHash.equals(previous)
                    || !entry.hash.equals(hashOf(entry))) {
                return i;
            }
            previous = entry.hash;
        }
        return -1;
    }
}
