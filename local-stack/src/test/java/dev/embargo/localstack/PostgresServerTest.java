package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PostgreSQL gives up durability in the test profile only, whether a process or a container. */
class PostgresServerTest {

    private static final List<String> WITHOUT_DURABILITY =
            List.of("fsync=off", "synchronous_commit=off", "full_page_writes=off");

    private static StackSettings settings(Map<String, String> values) {
        return StackSettings.from(StackSettings.Lookup.of(values));
    }

    @Test
    void theDefaultProfileNeverTurnsFsyncOffAsAProcessOrInAContainer() {
        StackSettings defaults = settings(Map.of("EMBARGO_REPO", "/srv/embargo"));

        assertThat(PostgresServer.serverSettings(defaults))
                .contains("listen_addresses=127.0.0.1")
                .doesNotContainAnyElementsOf(WITHOUT_DURABILITY);
        assertThat(InfrastructureContainers.postgresCommand(defaults))
                .contains("listen_addresses=127.0.0.1")
                .doesNotContainAnyElementsOf(WITHOUT_DURABILITY);
    }

    @Test
    void theTestProfileRunsWithoutFsyncAsAProcessAndInAContainer() {
        StackSettings test =
                settings(Map.of("EMBARGO_REPO", "/srv/embargo", "EMBARGO_PROFILE", "test"));

        assertThat(PostgresServer.serverSettings(test)).containsAll(WITHOUT_DURABILITY);
        assertThat(InfrastructureContainers.postgresCommand(test))
                .containsSequence("-c", "fsync=off")
                .containsAll(WITHOUT_DURABILITY);
    }
}
