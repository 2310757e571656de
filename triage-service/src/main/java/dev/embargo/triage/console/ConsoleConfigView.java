package dev.embargo.triage.console;

import java.util.Map;

/**
 * The console's {@code config.json}: where it signs in and where each service's staff API is.
 *
 * @param keycloakUrl Keycloak's base URL as browsers reach it, without {@code /realms/...}
 * @param services base URL by service (triage, intake, notify, advisory); empty means the console's
 *     own origin
 */
public record ConsoleConfigView(
        String keycloakUrl, String realm, String clientId, Map<String, String> services) {}
