package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakServerTest {

    @TempDir Path home;

    @TempDir Path keycloakHome;

    private KeycloakServer keycloak;

    @BeforeEach
    void keycloakWithItsDataDirectory() throws Exception {
        StackSettings settings =
                StackSettings.from(
                        StackSettings.Lookup.of(Map.of("EMBARGO_HOME", home.toString())));
        keycloak = new KeycloakServer(settings, new Tools(settings));
        Files.createDirectories(home.resolve("data/keycloak"));
    }

    @Test
    void theRealmIsImportedUntilKeycloakHasAnsweredForIt() throws Exception {
        assertThat(keycloak.startCommand(keycloakHome)).contains("--import-realm");

        keycloakDatabase();
        keycloak.recordRealmImported();

        assertThat(keycloak.startCommand(keycloakHome)).doesNotContain("--import-realm");
    }

    @Test
    void theRealmIsImportedAgainIntoADatabaseThatIsGone() {
        keycloak.recordRealmImported();

        assertThat(keycloak.startCommand(keycloakHome)).contains("--import-realm");
    }

    @Test
    void theFirstStartAfterABuildRecordsTheStartCacheAndLaterStartsLoadIt() throws Exception {
        Path cache = keycloak.startCache(keycloakHome).file();
        assertThat(keycloak.startJvmOptions(keycloakHome))
                .contains("-XX:TieredStopAtLevel=1", "-XX:AOTCacheOutput=" + cache);

        Files.writeString(cache, "recorded");

        assertThat(keycloak.startJvmOptions(keycloakHome))
                .contains("-XX:TieredStopAtLevel=1", "-XX:AOTCache=" + cache)
                .doesNotContain("-XX:AOTCacheOutput=" + cache);
    }

    @Test
    void anEmptyStartCacheIsRecordedAgain() throws Exception {
        Path cache = keycloak.startCache(keycloakHome).file();
        Files.writeString(cache, "");

        assertThat(keycloak.startJvmOptions(keycloakHome)).contains("-XX:AOTCacheOutput=" + cache);
    }

    private void keycloakDatabase() throws Exception {
        Path database = home.resolve("data/keycloak/db/keycloak.mv.db");
        Files.createDirectories(database.getParent());
        Files.writeString(database, "");
    }
}
