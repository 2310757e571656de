package dev.embargo.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final UUID CASE = UUID.randomUUID();

    @Test
    void anUntouchedLogVerifies() {
        assertThat(AuditChain.firstBrokenLine(log(4))).isEqualTo(-1);
        assertThat(AuditChain.firstBrokenLine(List.of())).isEqualTo(-1);
    }

    @Test
    void aChangedLineBreaksTheChainWhereItWasChanged() {
        List<CaseAuditEntry> log = log(4);
        log.get(2).actor = "mallory";
        assertThat(AuditChain.firstBrokenLine(log)).isEqualTo(2);
    }

    @Test
    void aRemovedLineBreaksTheChain() {
        List<CaseAuditEntry> log = log(4);
        log.remove(1);
        assertThat(AuditChain.firstBrokenLine(log)).isEqualTo(1);
    }

    @Test
    void aLineRehashedAfterAChangeStillBreaksTheNextOne() {
        List<CaseAuditEntry> log = log(4);
        log.get(1).action = "state triaging -> wont_fix";
        log.get(1).hash = AuditChain.hashOf(log.get(1));
        assertThat(AuditChain.firstBrokenLine(log)).isEqualTo(2);
    }

    private static List<CaseAuditEntry> log(int lines) {
        List<CaseAuditEntry> log = new ArrayList<>();
        String previous = "";
        for (int i = 0; i < lines; i++) {
            CaseAuditEntry entry = new CaseAuditEntry();
            entry.id = UUID.randomUUID();
            entry.caseId = CASE;
            entry.position = i;
            entry.at = OffsetDateTime.of(2026, 11, 24, 12, 0, i, 0, ZoneOffset.UTC);
            entry.actor = "triager";
            entry.action = "state change " + i;
            entry.previousHash = previous;
            entry.hash = AuditChain.hashOf(entry);
            previous = entry.hash;
            log.add(entry);
        }
        return log;
    }
}
