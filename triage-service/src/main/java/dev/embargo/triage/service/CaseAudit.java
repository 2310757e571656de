package dev.embargo.triage.service;

import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.triage.domain.AuditChain;
import dev.embargo.triage.domain.CaseAuditEntry;
import dev.embargo.triage.repository.CaseAuditRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Writes and reads case audit lines, in the caller's transaction: no change without its line. */
@ApplicationScoped
public class CaseAudit {

    public static final String SYSTEM = "system";

    private final CaseAuditRepository entries;
    private final FieldCipher cipher;
    private final TriageClock clock;

    CaseAudit(CaseAuditRepository entries, FieldCipher cipher, TriageClock clock) {
        this.clock = clock;
        this.entries = entries;
        this.cipher = cipher;
    }

    /**
     * Appends a line, chained to the case's last one. Callers hold the case row locked, and the
     * position is unique per case, so two changes of one case cannot chain to the same line.
     */
    public Uni<Void> record(UUID caseId, String actor, String action, String detail) {
        return entries.lastOf(caseId)
                .chain(
                        last ->
                                // Flushed now, so that the next line of this transaction finds
                                // this one as the last.
                                entries.persistAndFlush(
                                                entryAfter(last, caseId, actor, action, detail))
                                        .replaceWithVoid());
    }

    /**
     * The first line of a case being opened, for its opener to store with the case: nothing to
     * chain to.
     */
    public CaseAuditEntry firstLine(UUID caseId, String actor, String action, String detail) {
        return entryAfter(null, caseId, actor, action, detail);
    }

    private CaseAuditEntry entryAfter(
            CaseAuditEntry last, UUID caseId, String actor, String action, String detail) {
        CaseAuditEntry entry = new CaseAuditEntry();
        entry.id = TimeOrderedIds.next();
        entry.caseId = caseId;
        entry.at = clock.nowUtc();
        entry.actor = actor;
        entry.action = action;
        entry.sealedDetail = detail == null || detail.isBlank() ? null : cipher.seal(detail);
        entry.position = last == null ? 0 : last.position + 1;
        entry.previousHash = last == null ? "" : last.hash;
        entry.hash = AuditChain.hashOf(entry);
        return entry;
    }

    public Uni<List<CaseAuditEntry>> forCase(UUID caseId) {
        return entries.forCase(caseId);
    }

    public String detailOf(CaseAuditEntry entry) {
        return entry.sealedDetail == null ? null : cipher.open(entry.sealedDetail);
    }
}
