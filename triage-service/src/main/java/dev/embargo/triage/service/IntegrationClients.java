package dev.embargo.triage.service;

import java.util.Collection;

/**
 * The Keycloak clients behind integrations. Calls block (Keycloak's admin API): run them off the
 * event loop.
 */
public interface IntegrationClients {

    /**
     * Creates a confidential client with a service account holding the realm roles and the program
     * groups, whose tokens name the services' audience and the groups like staff tokens do.
     */
    CreatedClient create(
            String clientId,
            String description,
            Collection<String> roles,
            Collection<String> programs);

    /** A new secret for the client; the old one stops working at once. */
    String rotateSecret(String keycloakId);

    /** Deletes the client and its service account: no new token is issued to it. */
    void delete(String keycloakId);

    record CreatedClient(String keycloakId, String secret) {}
}
