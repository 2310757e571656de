package dev.embargo.triage.service;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keycloak's clients as the tests' memory: what triage asked Keycloak to create, and what is left.
 */
@Mock
@ApplicationScoped
public class FakeIntegrationClients implements IntegrationClients {

    /** A client as Keycloak would hold it. */
    public record Client(
            String clientId, List<String> roles, List<String> programs, String secret) {}

    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    @Override
    public CreatedClient create(
            String clientId,
            String description,
            Collection<String> roles,
            Collection<String> programs) {
        String keycloakId = UUID.randomUUID().toString();
        String secret = UUID.randomUUID().toString();
        clients.put(
                keycloakId,
                new Client(clientId, List.copyOf(roles), List.copyOf(programs), secret));
        return new CreatedClient(keycloakId, secret);
    }

    @Override
    public String rotateSecret(String keycloakId) {
        String secret = UUID.randomUUID().toString();
        clients.computeIfPresent(
                keycloakId,
                (id, client) ->
                        new Client(client.clientId(), client.roles(), client.programs(), secret));
        return secret;
    }

    @Override
    public void delete(String keycloakId) {
        clients.remove(keycloakId);
    }

    public Client named(String clientId) {
        return clients.values().stream()
                .filter(client -> client.clientId().equals(clientId))
                .findFirst()
                .orElse(null);
    }

    public Set<String> keycloakIds() {
        return Set.copyOf(clients.keySet());
    }
}
