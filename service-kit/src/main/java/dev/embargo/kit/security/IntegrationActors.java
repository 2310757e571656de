package dev.embargo.kit.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Names an integration's calls after the integration. Triage creates each integration as the
 * Keycloak client {@code integration-<name>}; its client-credentials tokens carry that client in
 * {@code azp} and its service account {@code service-account-integration-<name>} as the username.
 * Audit lines then read {@code integration:<name>} rather than Keycloak's service account name.
 */
@ApplicationScoped
public class IntegrationActors implements SecurityIdentityAugmentor {

    /** Keycloak client ID of an integration: this prefix and the integration's name. */
    public static final String CLIENT_PREFIX = "integration-";

    /** How audit lines name an integration: this prefix and its name. */
    public static final String ACTOR_PREFIX = "integration:";

    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(
                        integrationOf(token)
                                .<SecurityIdentity>map(
                                        name ->
                                                QuarkusSecurityIdentity.builder(identity)
                                                        .setPrincipal(
                                                                new IntegrationPrincipal(
                                                                        token, ACTOR_PREFIX + name))
                                                        .build())
                                .orElse(identity));
    }

    /**
     * The integration a token was issued to by the client-credentials grant; empty for staff
     * tokens, including a staff member's token obtained through an integration's client.
     */
    public static Optional<String> integrationOf(JsonWebToken token) {
        String client = text(token.getClaim("azp"));
        String username = text(token.getClaim("preferred_username"));
        if (client == null
                || !client.startsWith(CLIENT_PREFIX)
                || !(SERVICE_ACCOUNT_PREFIX + client).equals(username)) {
            return Optional.empty();
        }
        return Optional.of(client.substring(CLIENT_PREFIX.length()));
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim instanceof String string ? string : null;
    }
}
