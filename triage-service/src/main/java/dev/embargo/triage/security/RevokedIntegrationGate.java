package dev.embargo.triage.security;

import dev.embargo.kit.security.IntegrationActors;
import dev.embargo.triage.service.RevokedIntegrations;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) the tokens a revoked integration was issued before its revocation. Keycloak's
 * tokens are checked by signature alone, so deleting the client does not end the ones in flight.
 */
@ApplicationScoped
public class RevokedIntegrationGate implements SecurityIdentityAugmentor {

    private final RevokedIntegrations revoked;

    RevokedIntegrationGate(RevokedIntegrations revoked) {
        this.revoked = revoked;
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Optional<String> integration = IntegrationActors.integrationOf(token);
            if (integration.isPresent()
                    && revoked.refuses(
                            IntegrationActors.CLIENT_PREFIX + integration.get(),
                            Instant.ofEpochSecond(token.getIssuedAtTime()))) {
                return Uni.createFrom()
                        .failure(new AuthenticationFailedException("The integration is revoked"));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
