package dev.embargo.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseLifecycleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    seed 002: acknowledge, score, patch, pre-advisory, release, post-mortem | new acknowledged triaging accepted fixing pre_release published post_mortem closed
                    seed 004: triage, fix, pre-release, release, post-mortem                 | new acknowledged triaging accepted fixing pre_release published post_mortem closed
                    a fix published without pre-release                                      | new acknowledged triaging accepted fixing published closed
                    the reporter is asked for more, then it is accepted                      | new acknowledged triaging needs_info triaging accepted
                    a duplicate is closed                                                    | new acknowledged duplicate closed
                    spam is closed at once                                                   | new spam closed
                    out of scope after triage                                                | new acknowledged triaging out_of_scope closed
                    won't fix after acceptance                                               | new acknowledged triaging accepted wont_fix closed
                    a pre-release sent back to fixing                                        | new acknowledged triaging accepted fixing pre_release fixing published
                    """)
    void followsTheSeedsProcesses(String process, String path) {
        List<CaseState> states =
                java.util.Arrays.stream(path.split(" "))
                        .map(name -> CaseState.fromWireName(name).orElseThrow())
                        .toList();
        for (int i = 1; i < states.size(); i++) {
            assertThat(CaseLifecycle.allows(states.get(i - 1), states.get(i)))
                    .as("%s: %s -> %s", process, states.get(i - 1), states.get(i))
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @CsvSource({
        "new, published",
        "acknowledged, fixing",
        "triaging, published",
        "accepted, post_mortem",
        "duplicate, triaging",
        "spam, accepted",
        "closed, triaging",
        "published, fixing",
        "fixing, accepted"
    })
    void refusesShortcutsAndReopening(String from, String to) {
        assertThat(
                        CaseLifecycle.allows(
                                CaseState.fromWireName(from).orElseThrow(),
                                CaseState.fromWireName(to).orElseThrow()))
                .isFalse();
    }

    @org.junit.jupiter.api.Test
    void everyStateIsReachableFromNewAndEveryCaseCanEndClosed() {
        Set<CaseState> reached = EnumSet.of(CaseState.NEW);
        Deque<CaseState> todo = new ArrayDeque<>(List.of(CaseState.NEW));
        while (!todo.isEmpty()) {
            for (CaseState next : CaseLifecycle.allowedFrom(todo.pop())) {
                if (reached.add(next)) {
                    todo.push(next);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(CaseState.values());
        assertThat(CaseLifecycle.allowedFrom(CaseState.CLOSED)).isEmpty();
    }
}
