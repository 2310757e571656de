package dev.embargo.kit.security;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** An integration's token under the integration's name; its claims are the token's own. */
final class IntegrationPrincipal implements JsonWebToken {

    private final JsonWebToken token;
    private final String name;

    IntegrationPrincipal(JsonWebToken token, String name) {
        this.token = token;
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return token.getClaim(claimName);
    }
}
