package dev.embargo.localstack;

/**
 * What {@code ./embargo up} prints once everything is ready: where things are and how to use them.
 */
final class Summary {

    private final LocalStack stack;

    Summary(LocalStack stack) {
        this.stack = stack;
    }

    void print(double seconds) {
        StackSettings settings = stack.settings();
        String intake = "http://localhost:" + settings.intakePort();
        String keycloak = "http://localhost:" + settings.keycloakPort();
        System.out.printf(
                """

                Embargo is up (%.0f s).

                %s

                Researchers' pages   %s/report  (programs, report form; the receipt links the status page)
                Staff console        %s/console/  (sign in with a demo login below)

                Report a vulnerability
                  curl -s -X POST %s/api/v1/reports -H 'Content-Type: application/json' \\
                    -d '{"program":"pea2pea","title":"Panic on malformed frame","description":"...","reporterEmail":"alice@example.org"}'

                Keycloak  %s/admin  (admin / admin)
                  demo logins, password = user name: triager, coordinator, publisher, admin, visitor (no role),
                  triager-emek (triager limited to the emek program)
                  a staff token:
                  TOKEN=$(curl -s %s/realms/embargo/protocol/openid-connect/token -d grant_type=password \\
                    -d client_id=embargo-services -d client_secret=%s -d username=triager -d password=triager \\
                    | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  curl -s http://localhost:%d/api/v1/cases -H "Authorization: Bearer $TOKEN"

                Mail (kept in memory until the mail server stops)
                  SMTP 127.0.0.1:%d; IMAP 127.0.0.1:%d, user name = the address, any password
                  curl -s %s/api/user/alice@example.org/messages/INBOX/

                PostgreSQL 127.0.0.1:%d (database = role = password = service name), Kafka %s
                Logs in %s; ./embargo status, ./embargo down
                """,
                seconds,
                services(settings),
                intake,
                ServiceEnvironment.consoleOrigin(settings),
                intake,
                keycloak,
                keycloak,
                ServiceEnvironment.OIDC_CLIENT_SECRET,
                settings.triagePort(),
                settings.smtpPort(),
                settings.imapPort(),
                settings.mailApiUrl(),
                settings.postgresPort(),
                settings.kafkaBootstrap(),
                settings.logDir());
    }

    private static String services(StackSettings settings) {
        if (settings.services().isEmpty()) {
            return "Services: none started (EMBARGO_SERVICES is empty)";
        }
        StringBuilder lines =
                new StringBuilder(
                        "Services (/q/health, /q/metrics and /q/openapi on each management"
                                + " port)\n");
        for (String service : settings.services()) {
            lines.append(
                    "  %-9s http://localhost:%d   management http://localhost:%d/q%n"
                            .formatted(
                                    service,
                                    settings.servicePort(service),
                                    settings.managementPort(service)));
        }
        return lines.toString().stripTrailing();
    }
}
