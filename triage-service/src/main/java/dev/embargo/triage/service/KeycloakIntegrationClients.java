package dev.embargo.triage.service;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.security.StaffScope;
import dev.embargo.triage.config.TriageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * Integrations' clients through Keycloak's admin API, signed in as triage's own client {@code
 * embargo-integrations} (manage-clients, manage-users, query-groups of realm-management).
 */
@ApplicationScoped
public class KeycloakIntegrationClients implements IntegrationClients {

    private static final String OIDC = "openid-connect";

    private final Keycloak keycloak;
    private final String realm;
    private final TriageConfig config;
    private final String audience;

    KeycloakIntegrationClients(
            Keycloak keycloak,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm,
            @ConfigProperty(name = "quarkus.oidc.token.audience") String audience,
            TriageConfig config) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.audience = audience;
        this.config = config;
    }

    @Override
    public CreatedClient create(
            String clientId,
            String description,
            Collection<String> roles,
            Collection<String> programs) {
        RealmResource realm = keycloak.realm(this.realm);
        List<String> groupIds = programs.stream().map(program -> groupId(realm, program)).toList();
        String keycloakId;
        try (Response created = realm.clients().create(representation(clientId, description))) {
            keycloakId = CreatedResponseUtil.getCreatedId(created);
        }
        ClientResource client = realm.clients().get(keycloakId);
        UserResource serviceAccount = realm.users().get(client.getServiceAccountUser().getId());
        // Roles are granted by their representation with ID; the ones the service account may be
        // given are readable with manage-users alone (reading the realm's roles needs view-realm).
        List<RoleRepresentation> granted =
                serviceAccount.roles().realmLevel().listAvailable().stream()
                        .filter(role -> roles.contains(role.getName()))
                        .toList();
        if (granted.size() != roles.size()) {
            client.remove();
            throw new IllegalStateException("Keycloak's realm lacks one of the roles " + roles);
        }
        serviceAccount.roles().realmLevel().add(granted);
        groupIds.forEach(serviceAccount::joinGroup);
        return new CreatedClient(keycloakId, client.getSecret().getValue());
    }

    /** A program's staff group; a program made without one in Keycloak cannot be granted. */
    private static String groupId(RealmResource realm, String program) {
        String path = StaffScope.PROGRAM_GROUP_PREFIX + program;
        try {
            return realm.getGroupByPath(path).getId();
        } catch (NotFoundException missing) {
            throw new ProblemException(
                    Problem.of(
                            Response.Status.BAD_REQUEST,
                            "Keycloak has no group " + path + " for program " + program));
        }
    }

    @Override
    public String rotateSecret(String keycloakId) {
        return keycloak.realm(realm).clients().get(keycloakId).generateNewSecret().getValue();
    }

    @Override
    public void delete(String keycloakId) {
        keycloak.realm(realm).clients().get(keycloakId).remove();
    }

    private ClientRepresentation representation(String clientId, String description) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(description);
        client.setDescription("Embargo integration, managed by Embargo's integrations API");
        client.setEnabled(true);
        client.setProtocol(OIDC);
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        // Services other than triage learn of a revocation only when the token expires.
        client.setAttributes(
                Map.of(
                        "access.token.lifespan",
                        Long.toString(config.integrations().tokenLifespan().toSeconds())));
        client.setProtocolMappers(List.of(programGroups(), servicesAudience()));
        return client;
    }

    private static ProtocolMapperRepresentation programGroups() {
        return mapper(
                "program groups",
                "oidc-group-membership-mapper",
                Map.of(
                        "full.path", "true",
                        "claim.name", StaffScope.GROUPS_CLAIM,
                        "access.token.claim", "true",
                        "id.token.claim", "false",
                        "introspection.token.claim", "true"));
    }

    /** The audience the services accept, which tokens of other clients lack. */
    private ProtocolMapperRepresentation servicesAudience() {
        return mapper(
                "services audience",
                "oidc-audience-mapper",
                Map.of(
                        "included.client.audience", audience,
                        "access.token.claim", "true",
                        "id.token.claim", "false",
                        "introspection.token.claim", "true"));
    }

    private static ProtocolMapperRepresentation mapper(
            String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol(OIDC);
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }
}
