package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void everyItemRunsAtTheSameTime() {
        CountDownLatch allStarted = new CountDownLatch(3);
        Set<String> done = ConcurrentHashMap.newKeySet();

        Parallel.forEach(
                List.of("postgres", "kafka", "keycloak"),
                name -> {
                    allStarted.countDown();
                    try {
                        // Only returns if the three run side by side.
                        assertThat(allStarted.await(5, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    done.add(name);
                });

        assertThat(done).containsExactlyInAnyOrder("postgres", "kafka", "keycloak");
    }

    @Test
    void aFailureLetsTheOthersFinishAndIsReportedAfterwards() {
        Set<String> done = ConcurrentHashMap.newKeySet();

        assertThatThrownBy(
                        () ->
                                Parallel.forEach(
                                        List.of("postgres", "kafka", "keycloak"),
                                        name -> {
                                            if (name.equals("kafka")) {
                                                throw new StackException(
                                                        "kafka exited while starting");
                                            }
                                            done.add(name);
                                        }))
                .isInstanceOf(StackException.class)
                .hasMessage("kafka exited while starting");
        assertThat(done).containsExactlyInAnyOrder("postgres", "keycloak");
    }

    @Test
    void severalFailuresAreReportedTogether() {
        assertThatThrownBy(
                        () ->
                                Parallel.forEach(
                                        List.of("kafka", "keycloak"),
                                        name -> {
                                            throw new StackException(name + " failed");
                                        }))
                .hasMessageContaining("kafka failed")
                .hasMessageContaining("keycloak failed");
    }
}
