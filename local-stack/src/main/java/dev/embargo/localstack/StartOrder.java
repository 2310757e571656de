package dev.embargo.localstack;

import java.util.List;
import java.util.function.Consumer;

/**
 * The order in which {@code up} brings the whole stack up. The services need PostgreSQL, Kafka and
 * the mail server before they start, but not Keycloak: quarkus-oidc connects to it at the first
 * request that carries a token when it was not there at start. So Keycloak, the slowest component,
 * starts beside everything else instead of before the services, and the stack is up after the
 * slower of Keycloak and (the rest of the infrastructure, then the services).
 */
final class StartOrder {

    /** The component the services do not wait for. */
    static final String IDENTITY_PROVIDER = "keycloak";

    private StartOrder() {}

    /**
     * Brings up every infrastructure component with {@code bringUp}, each in a thread of its own,
     * and runs {@code startServices} as soon as all but the identity provider are up; returns when
     * everything is. Failures are reported together at the end, as {@link Parallel} does.
     */
    static void bringUp(
            List<Component> infrastructure, Consumer<Component> bringUp, Runnable startServices) {
        List<Component> identityProvider =
                infrastructure.stream()
                        .filter(component -> component.name().equals(IDENTITY_PROVIDER))
                        .toList();
        List<Component> neededByServices =
                infrastructure.stream()
                        .filter(component -> !identityProvider.contains(component))
                        .toList();
        List<Runnable> branches =
                List.of(
                        () -> Parallel.forEach(identityProvider, bringUp),
                        () -> {
                            Parallel.forEach(neededByServices, bringUp);
                            startServices.run();
                        });
        Parallel.forEach(branches, Runnable::run);
    }
}
