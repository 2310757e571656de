package dev.embargo.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffScopeTest {

    @Test
    void programGroupsLimitTheCallerToThosePrograms() {
        assertThat(
                        StaffScope.programsIn(
                                List.of("/programs/emek", "/programs/moqtail", "/on-call")))
                .contains(Set.of("emek", "moqtail"));
    }

    @Test
    void jsonStringValuesAreReadWithoutTheirQuotes() {
        assertThat(StaffScope.programsIn(List.of("\"/programs/emek\""))).contains(Set.of("emek"));
    }

    @Test
    void noProgramGroupMeansEveryProgram() {
        assertThat(StaffScope.programsIn(List.of("/on-call", "/programs/"))).isEmpty();
        assertThat(StaffScope.programsIn(null)).isEmpty();
        assertThat(StaffScope.programsIn("not a list")).isEmpty();
    }
}
