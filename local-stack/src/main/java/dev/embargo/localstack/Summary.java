package dev.embargo.localstack;

/** What `./embargo up` prints once everything is ready: where things are and how to use them. */
final class Summary {

    private final LocalStack stack;

    Summary(LocalStack stack) {
        this.stack = stack;
    }

    void print(double seconds) {
        StackSettings settings = stack.settings();
        String intake = "http://localhost:" + settings.intakePort();
        System.out.printf("""

                Embargo is up (%.0f s).

                Services
                  intake    %s   (public API; OpenAPI at /q/openapi, health /q/health, metrics /q/metrics)
                  triage    http://localhost:%d
                  notify    http://localhost:%d
                  advisory  http://localhost:%d

                Report a vulnerability
                  curl -s -X POST %s/api/v1/reports -H 'Content-Type: application/json' \\
                    -d '{"program":"pea2pea","title":"Panic on malformed frame","description":"...","reporterEmail":"alice@example.org"}'

                Keycloak  http://localhost:%d/admin  (admin / admin)
                  demo logins (password = user name): triager, coordinator, publisher, admin, visitor (no role)
                  staff token:
                  curl -s http://localhost:%d/realms/embargo/protocol/openid-connect/token -d grant_type=password \\
                    -d client_id=embargo-services -d client_secret=%s -d username=triager -d password=triager

                Mail (kept in memory)
                  SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d (user name = the address, any password)
                  curl -s http://127.0.0.1:%d/api/user/alice@example.org/messages/INBOX/

                Infrastructure: PostgreSQL 127.0.0.1:%d, Kafka %s. Logs in %s
                """, seconds, intake, settings.triagePort(), settings.notifyPort(), settings.advisoryPort(), intake,
                settings.keycloakPort(), settings.keycloakPort(), LocalStack.OIDC_CLIENT_SECRET, settings.smtpPort(),
                settings.imapPort(), settings.mailApiPort(), settings.postgresPort(), settings.kafkaBootstrap(),
                settings.logDir());
    }
}
