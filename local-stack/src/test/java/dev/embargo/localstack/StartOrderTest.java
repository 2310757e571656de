package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartOrderTest {

    private static final List<Component> INFRASTRUCTURE =
            List.of(
                    new Named("postgres"),
                    new Named("kafka"),
                    new Named("keycloak"),
                    new Named("mail"));

    private final Set<String> up = ConcurrentHashMap.newKeySet();

    @Test
    void theServicesStartWhileKeycloakIsStillStarting() {
        CountDownLatch servicesStarted = new CountDownLatch(1);

        StartOrder.bringUp(
                INFRASTRUCTURE,
                component -> {
                    if (component.name().equals("keycloak")) {
                        // Keycloak is only ready once the services have started.
                        await(servicesStarted);
                    }
                    up.add(component.name());
                },
                servicesStarted::countDown);

        assertThat(up).containsExactlyInAnyOrder("postgres", "kafka", "keycloak", "mail");
    }

    @Test
    void theServicesStartOnlyOnceTheRestOfTheInfrastructureIsUp() {
        Set<String> upWhenServicesStarted = ConcurrentHashMap.newKeySet();

        StartOrder.bringUp(
                INFRASTRUCTURE,
                component -> {
                    if (component.name().equals("kafka")) {
                        ManagedProcess.sleep(Duration.ofMillis(300));
                    }
                    up.add(component.name());
                },
                () -> upWhenServicesStarted.addAll(up));

        assertThat(upWhenServicesStarted).contains("postgres", "kafka", "mail");
    }

    @Test
    void aKeycloakThatFailsIsReportedOnceTheServicesAreUp() {
        Set<String> servicesUp = ConcurrentHashMap.newKeySet();

        assertThatThrownBy(
                        () ->
                                StartOrder.bringUp(
                                        INFRASTRUCTURE,
                                        component -> {
                                            if (component.name().equals("keycloak")) {
                                                throw new StackException("keycloak exited");
                                            }
                                        },
                                        () -> servicesUp.add("intake")))
                .hasMessage("keycloak exited");
        assertThat(servicesUp).containsExactly("intake");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new StackException("the services did not start before Keycloak was ready");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A component that is only a name: the start order looks at nothing else. */
    private record Named(String name) implements Component {

        @Override
        public void start() {}

        @Override
        public void awaitReady() {}

        @Override
        public void stop() {}

        @Override
        public boolean isRunning() {
            return false;
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public List<Integer> ports() {
            return List.of();
        }

        @Override
        public String endpoint() {
            return name;
        }
    }
}
