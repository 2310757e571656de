package dev.embargo.triage.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.triage.domain.CaseDeadline;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseMapperTest {

    private static final OffsetDateTime NOW =
            OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theNextDeadlineIsTheEarliestNotYetMet() {
        CaseDeadline kept = deadline("triage", NOW.minusDays(2));
        kept.settledAt = NOW.minusDays(3);
        CaseDeadline fix = deadline("fix", NOW.plusDays(7));
        CaseDeadline update = deadline("status-update", NOW.plusDays(3));

        assertThat(CaseMapper.nextDeadline(List.of(kept, fix, update))).containsSame(update);
    }

    @Test
    void aBreachedDeadlineComesNextAndMakesTheCaseOverdue() {
        CaseDeadline breached = deadline("triage", NOW.minusDays(1));
        breached.breachedAt = NOW.minusDays(1);
        CaseDeadline fix = deadline("fix", NOW.plusDays(7));

        assertThat(CaseMapper.nextDeadline(List.of(fix, breached))).containsSame(breached);
        assertThat(breached.overdue()).isTrue();
        assertThat(fix.overdue()).isFalse();
    }

    @Test
    void aDeadlineMetLateIsNoLongerOverdueAndACaseWithoutOpenDeadlinesHasNoNextDeadline() {
        CaseDeadline late = deadline("triage", NOW.minusDays(2));
        late.breachedAt = NOW.minusDays(2);
        late.settledAt = NOW.minusDays(1);

        assertThat(late.overdue()).isFalse();
        assertThat(CaseMapper.nextDeadline(List.of(late))).isEmpty();
    }

    private static CaseDeadline deadline(String step, OffsetDateTime dueAt) {
        CaseDeadline deadline = new CaseDeadline();
        deadline.step = step;
        deadline.dueAt = dueAt;
        return deadline;
    }
}
