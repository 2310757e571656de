package dev.embargo.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every service is told about the stack, as the {@code EMBARGO_*} variables the services read
 * (see {@code deploy/config/embargo.env.example}). Anything else, including other {@code EMBARGO_*}
 * settings, comes from the launcher's own environment, which the services inherit.
 */
final class ServiceEnvironment {

    static final String OIDC_CLIENT_SECRET = "embargo-services-local-secret";

    /** Triage's own client for Keycloak's admin API, which creates integrations' clients. */
    static final String INTEGRATIONS_CLIENT_ID = "embargo-integrations";

    static final String INTEGRATIONS_CLIENT_SECRET = "embargo-integrations-local-secret";

    private ServiceEnvironment() {}

    static Map<String, String> of(StackSettings settings) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EMBARGO_POSTGRES_HOST", "127.0.0.1");
        environment.put("EMBARGO_POSTGRES_PORT", Integer.toString(settings.postgresPort()));
        environment.put("EMBARGO_KAFKA_BOOTSTRAP", settings.kafkaBootstrap());
        environment.put("EMBARGO_KEYCLOAK_URL", settings.keycloakUrl());
        environment.put("EMBARGO_OIDC_CLIENT_SECRET", OIDC_CLIENT_SECRET);
        environment.put("EMBARGO_KEYCLOAK_ADMIN_CLIENT_ID", INTEGRATIONS_CLIENT_ID);
        environment.put("EMBARGO_KEYCLOAK_ADMIN_CLIENT_SECRET", INTEGRATIONS_CLIENT_SECRET);
        environment.put("EMBARGO_SMTP_HOST", "127.0.0.1");
        environment.put("EMBARGO_SMTP_PORT", Integer.toString(settings.smtpPort()));
        // This machine only: the stack is for developers and tests, not for their network.
        environment.put("EMBARGO_HTTP_HOST", "127.0.0.1");
        for (String service : StackSettings.ALL_SERVICES) {
            String prefix = "EMBARGO_" + service.toUpperCase(Locale.ROOT);
            environment.put(prefix + "_PORT", Integer.toString(settings.servicePort(service)));
            environment.put(
                    prefix + "_MANAGEMENT_PORT",
                    Integer.toString(settings.managementPort(service)));
        }
        // The email channel: <program>@reports.embargo.localhost are mailboxes on the local mail
        // server.
        environment.put("EMBARGO_MAIL_INTAKE_ENABLED", "true");
        environment.put("EMBARGO_MAIL_INTAKE_DOMAIN", "reports.embargo.localhost");
        environment.put("EMBARGO_IMAP_HOST", "127.0.0.1");
        environment.put("EMBARGO_IMAP_PORT", Integer.toString(settings.imapPort()));
        environment.put("EMBARGO_IMAP_TLS", "false");
        environment.put("EMBARGO_IMAP_PASSWORD", "local-stack");
        environment.put("EMBARGO_INTAKE_PUBLIC_URL", "http://localhost:" + settings.intakePort());
        // Links in published advisories, feeds and CSAF point at advisory's own port on this
        // machine.
        environment.put(
                "EMBARGO_ADVISORY_PUBLIC_URL",
                "http://localhost:" + settings.servicePort("advisory"));
        // The staff console is served by triage and calls the other services from its origin; its
        // browser signs in at Keycloak under the name Keycloak gives itself (--hostname).
        environment.put(
                "EMBARGO_CONSOLE_KEYCLOAK_URL", "http://localhost:" + settings.keycloakPort());
        for (String service : List.of("intake", "notify", "advisory")) {
            environment.put(
                    "EMBARGO_CONSOLE_" + service.toUpperCase(Locale.ROOT) + "_URL",
                    "http://localhost:" + settings.servicePort(service));
        }
        environment.put("EMBARGO_CORS_ENABLED", "true");
        // Whichever name the browser used for this machine.
        environment.put(
                "EMBARGO_CORS_ORIGINS",
                consoleOrigin(settings) + ",http://127.0.0.1:" + settings.servicePort("triage"));
        environment.put("EMBARGO_ENCRYPTION_KEYS", EncryptionKeys.ensure(settings.secretsDir()));
        // triage loads the programs at start; unless told otherwise, the seed programs of the
        // checkout.
        if (System.getenv("EMBARGO_PROGRAMS_DIR") == null) {
            environment.put(
                    "EMBARGO_PROGRAMS_DIR",
                    settings.repository().resolve("deploy/programs").toString());
        }
        // Benchmarks and tests play many researchers from this machine: each names itself in
        // X-Forwarded-For.
        environment.put("EMBARGO_TRUSTED_PROXIES", "127.0.0.1");
        // Partners' receivers on a developer's machine (and the tests') listen on 127.0.0.1 over
        // plain HTTP.
        environment.put("EMBARGO_WEBHOOK_ALLOW_HTTP", "true");
        environment.put("EMBARGO_WEBHOOK_ALLOW_PRIVATE_ADDRESSES", "true");
        if (settings.testProfile()) {
            // Retries within seconds, and a short lease, so failure and crash tests need not wait
            // for days.
            environment.put("EMBARGO_WEBHOOK_RETRY_SCHEDULE", "1s,1s,1s");
            environment.put("EMBARGO_WEBHOOK_TIMEOUT", "3s");
            environment.put("EMBARGO_WEBHOOK_LEASE", "8s");
            // Tests move triage's clock forward to see deadlines fall due, and should not wait long
            // for the scan.
            environment.put("EMBARGO_CLOCK_ADJUSTABLE", "true");
            environment.put("EMBARGO_DEADLINE_SCAN_INTERVAL", "1s");
            // ... nor for notify's check of partners not ready for a lift.
            environment.put("EMBARGO_PARTNER_WARNING_POLL_INTERVAL", "1s");
            environment.put("EMBARGO_MAIL_INTAKE_POLL_INTERVAL", "500ms");
            // A flood FloodIT can make on a shared 2-core machine reaches these, and what queues
            // ahead of its bystander's report stays what such a machine works off in seconds;
            // the defaults need a larger flood.
            environment.put("EMBARGO_ADMISSION_BUSY_BACKLOG", "100");
            environment.put("EMBARGO_ADMISSION_MAX_BACKLOG", "2000");
            // OutboxRetentionIT plants old rows and waits for them to go.
            environment.put("EMBARGO_OUTBOX_PURGE_INTERVAL", "1s");
            // CVE records go to the CVE Services stand-in the end-to-end tests run (and wait,
            // pending,
            // while none runs); the moqtail program is a CNA with an account there.
            environment.put(
                    "EMBARGO_CVE_SERVICES_URL",
                    "http://127.0.0.1:" + settings.cveServicesPort() + "/api");
            environment.put("EMBARGO_CVE_SERVICES_DRY_RUN", "false");
            String account =
                    "EMBARGO_ADVISORY_CVE_SERVICES_PROGRAMS_"
                            + CveServicesStandIn.LOCAL_PROGRAM.toUpperCase(Locale.ROOT)
                            + "_";
            environment.put(
                    account + "ORGANISATION", CveServicesStandIn.LOCAL_ACCOUNT.organisation());
            environment.put(account + "USER", CveServicesStandIn.LOCAL_ACCOUNT.user());
            environment.put(account + "API_KEY", CveServicesStandIn.LOCAL_ACCOUNT.apiKey());
            // A killed service's partitions pass to the other replica (or its restart) within 15 s,
            // not Kafka's 45.
            environment.put("EMBARGO_KAFKA_SESSION_TIMEOUT_MS", "15000");
        }
        return environment;
    }

    /** Where a browser opens the staff console: {@code <origin>/console/}. */
    static String consoleOrigin(StackSettings settings) {
        return "http://localhost:" + settings.servicePort("triage");
    }
}
