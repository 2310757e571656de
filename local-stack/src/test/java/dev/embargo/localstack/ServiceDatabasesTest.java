package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceDatabasesTest {

    private final String script = ServiceDatabases.bootstrapScript(List.of("intake", "triage"));

    @Test
    void eachServiceGetsItsOwnLoginRoleAndADatabaseItOwns() {
        assertThat(script)
                .contains(
                        "CREATE ROLE intake LOGIN PASSWORD ''intake''",
                        "CREATE DATABASE intake OWNER intake",
                        "CREATE ROLE triage LOGIN PASSWORD ''triage''",
                        "CREATE DATABASE triage OWNER triage");
    }

    @Test
    void noOtherRoleMayConnectToAServicesDatabase() {
        assertThat(script)
                .contains(
                        "REVOKE CONNECT, TEMPORARY ON DATABASE intake FROM PUBLIC;",
                        "REVOKE CONNECT, TEMPORARY ON DATABASE triage FROM PUBLIC;");
    }

    @Test
    void onlyWhatIsMissingIsCreatedSoEveryStartCanRunIt() {
        assertThat(script.lines().filter(line -> line.contains("CREATE")))
                .allMatch(line -> line.contains("WHERE NOT EXISTS"));
        assertThat(script).startsWith("\\set ON_ERROR_STOP on");
    }
}
