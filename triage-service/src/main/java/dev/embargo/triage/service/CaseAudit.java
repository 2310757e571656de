package dev.embargo.triage.service;

import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.triage.domain.CaseAuditEntry;
import dev.embargo.triage.repository.CaseAuditRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Writes and reads case audit lines, in the caller's transaction: no change without its line. */
@ApplicationScoped
public class CaseAudit {

    public static final String SYSTEM = "system";

    private final CaseAuditRepository entries;
    private final FieldCipher cipher;

    CaseAudit(CaseAuditRepository entries, FieldCipher cipher) {
        this.entries = entries;
        this.cipher = cipher;
    }

    public Uni<Void> record(UUID caseId, String actor, String action, String detail) {
        CaseAuditEntry entry = new CaseAuditEntry();
        entry.id = UUID.randomUUID();
        entry.caseId = caseId;
        entry.at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.action = action;
        entry.sealedDetail = detail == null || detail.isBlank() ? null : cipher.seal(detail);
        return entries.persist(entry).replaceWithVoid();
    }

    public Uni<List<CaseAuditEntry>> forCase(UUID caseId) {
        return entries.forCase(caseId);
    }

    public String detailOf(CaseAuditEntry entry) {
        return entry.sealedDetail == null ? null : cipher.open(entry.sealedDetail);
    }
}
