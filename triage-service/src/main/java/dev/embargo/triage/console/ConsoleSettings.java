package dev.embargo.triage.console;

import dev.embargo.triage.config.TriageConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the staff console's browser code needs to know, resolved once from the configuration:
 * Keycloak's address and realm, the console's client, and the other services' base URLs; and the
 * Content-Security-Policy that lets the console reach exactly those.
 */
@Singleton
public class ConsoleSettings {

    private static final Pattern REALM_URL =
            Pattern.compile("^(?<base>https?://.+?)/realms/(?<realm>[^/]+)/?$");

    private final String keycloakUrl;
    private final String realm;
    private final String clientId;
    private final Map<String, String> services;
    private final String contentSecurityPolicy;

    @Inject
    ConsoleSettings(
            TriageConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this(config.console(), authServerUrl);
    }

    /**
     * @param authServerUrl the realm URL triage trusts tokens from ({@code
     *     https://sso.example/realms/embargo}); the console signs in to the same realm
     */
    ConsoleSettings(TriageConfig.Console console, String authServerUrl) {
        Matcher realmUrl = REALM_URL.matcher(authServerUrl == null ? "" : authServerUrl.strip());
        if (!realmUrl.matches()) {
            throw new IllegalStateException(
                    "quarkus.oidc.auth-server-url must be a Keycloak realm URL"
                            + " (.../realms/<realm>), not '"
                            + authServerUrl
                            + "'");
        }
        this.realm = realmUrl.group("realm");
        this.keycloakUrl =
                baseUrl("embargo.triage.console.keycloak-url", console.keycloakUrl())
                        .orElseGet(
                                () ->
                                        baseUrl(
                                                        "quarkus.oidc.auth-server-url",
                                                        Optional.of(realmUrl.group("base")))
                                                .orElseThrow());
        this.clientId = console.clientId();
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("triage", "");
        urls.put(
                "intake",
                baseUrl("embargo.triage.console.intake-url", console.intakeUrl()).orElse(""));
        urls.put(
                "notify",
                baseUrl("embargo.triage.console.notify-url", console.notifyUrl()).orElse(""));
        urls.put(
                "advisory",
                baseUrl("embargo.triage.console.advisory-url", console.advisoryUrl()).orElse(""));
        this.services = Collections.unmodifiableMap(urls);
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(origin(keycloakUrl));
        urls.values().stream()
                .filter(url -> !url.isEmpty())
                .map(ConsoleSettings::origin)
                .forEach(connect::add);
        this.contentSecurityPolicy =
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src "
                        + String.join(" ", connect)
                        + "; base-uri 'none'; form-action 'self' "
                        + origin(keycloakUrl)
                        + "; frame-ancestors 'none'";
    }

    /** The console's {@code config.json}. */
    public ConsoleConfigView view() {
        return new ConsoleConfigView(keycloakUrl, realm, clientId, services);
    }

    /**
     * The policy of every {@code /console/} answer: the console's own files, Keycloak and the
     * services it calls.
     */
    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /**
     * An absolute http(s) URL without query or fragment, its trailing slashes removed; empty when
     * not set.
     */
    private static Optional<String> baseUrl(String property, Optional<String> value) {
        Optional<String> given = value.map(String::strip).filter(url -> !url.isEmpty());
        given.ifPresent(
                url -> {
                    URI uri = parse(property, url);
                    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                            || uri.getHost() == null
                            || uri.getRawQuery() != null
                            || uri.getRawFragment() != null
                            || uri.getRawUserInfo() != null) {
                        throw new IllegalStateException(
                                property
                                        + " must be an absolute http(s) URL without query or"
                                        + " fragment, not '"
                                        + url
                                        + "'");
                    }
                });
        return given.map(url -> url.replaceAll("/+$", ""));
    }

    private static String origin(String url) {
        URI uri = parse("origin", url);
        return uri.getScheme()
                + "://"
                + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static URI parse(String property, String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(property + " is not a URL: '" + url + "'", e);
        }
    }
}
