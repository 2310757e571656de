package dev.embargo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.RunningStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each service's database role reaches its own database and no other. */
@ExtendWith(EmbargoStack.class)
class DatabaseIsolationIT {

    private static final List<String> SERVICES = List.of("intake", "triage", "notify", "advisory");

    @Test
    void noServiceRoleCanConnectToAnotherServicesDatabase(RunningStack stack) throws SQLException {
        for (String role : SERVICES) {
            for (String database : SERVICES) {
                String url =
                        "jdbc:postgresql://127.0.0.1:%d/%s"
                                .formatted(stack.launcher().postgresPort(), database);
                if (role.equals(database)) {
                    try (Connection own = DriverManager.getConnection(url, role, role)) {
                        assertThat(own.isValid(2)).isTrue();
                    }
                } else {
                    assertThatThrownBy(() -> DriverManager.getConnection(url, role, role).close())
                            .as("%s connecting to %s", role, database)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied");
                }
            }
        }
    }
}
