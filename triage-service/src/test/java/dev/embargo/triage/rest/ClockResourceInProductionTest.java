package dev.embargo.triage.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.embargo.kit.problem.ProblemException;
import dev.embargo.triage.service.TriageClock;
import org.junit.jupiter.api.Test;

/**
 * Where triage's clock is not adjustable (production), the clock resource answers as if it did not
 * exist.
 */
class ClockResourceInProductionTest {

    private final TriageClock clock = mock(TriageClock.class);
    private final ClockResource resource = new ClockResource(clock);

    @Test
    void theClockCannotBeReadOrSetWhereItIsNotAdjustable() {
        when(clock.adjustable()).thenReturn(false);
        assertThatThrownBy(resource::get)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        refused -> assertThat(refused.problem().status()).isEqualTo(404));
        assertThatThrownBy(() -> resource.set(new ClockRequest("P10D")))
                .isInstanceOf(ProblemException.class);
        verify(clock, never()).setOffset(any());
    }
}
