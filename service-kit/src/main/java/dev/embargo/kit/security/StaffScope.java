package dev.embargo.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The programs the calling staff member may see. Keycloak puts the user's groups in the access
 * token ({@code groups} claim, full paths); membership of {@code /programs/<slug>} limits a user to
 * those programs. A user in no program group works on every program (a PSIRT's own staff).
 * Everything outside the scope answers as if it did not exist (404), so it cannot be probed.
 */
@RequestScoped
public class StaffScope {

    /** Keycloak group under which a program's group is named by its slug. */
    public static final String PROGRAM_GROUP_PREFIX = "/programs/";

    public static final String GROUPS_CLAIM = "groups";

    private final SecurityIdentity identity;

    StaffScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The programs the caller is limited to; empty when the caller may see every program. */
    public Optional<Set<String>> programs() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return programsIn(token.getClaim(GROUPS_CLAIM));
    }

    public boolean covers(String programSlug) {
        return programs().map(limited -> limited.contains(programSlug)).orElse(true);
    }

    /** The program slugs named by a {@code groups} claim; empty when it names none. */
    static Optional<Set<String>> programsIn(Object groupsClaim) {
        if (!(groupsClaim instanceof Collection<?> groups)) {
            return Optional.empty();
        }
        Set<String> programs = new TreeSet<>();
        for (Object group : groups) {
            String path = unquoted(String.valueOf(group));
            if (path.startsWith(PROGRAM_GROUP_PREFIX)
                    && path.length() > PROGRAM_GROUP_PREFIX.length()) {
                programs.add(path.substring(PROGRAM_GROUP_PREFIX.length()));
            }
        }
        return programs.isEmpty() ? Optional.empty() : Optional.of(programs);
    }

    /** JSON-P string values print with their quotes. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
