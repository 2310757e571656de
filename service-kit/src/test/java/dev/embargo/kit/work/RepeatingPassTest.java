package dev.embargo.kit.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RepeatingPassTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        // Bounded: a drain that never ends keeps the event loop, and close would wait for it
        // forever.
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aDrainingPassThatLeftWorkWaitingRunsAgainAtOnceNotAtTheNextTick()
            throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        // Full batches on the first three passes, then nothing left.
        RepeatingPass pass =
                RepeatingPass.draining(
                        "test drain", () -> Uni.createFrom().item(passes.incrementAndGet() < 4));

        pass.start(vertx, Duration.ofSeconds(2));

        // The first tick comes after 2 s; one pass per tick would reach the fourth after 8 s.
        assertThat(within(Duration.ofMillis(3_500), () -> passes.get() >= 4))
                .as("four passes by the first tick")
                .isTrue();
        Thread.sleep(300);
        assertThat(passes).as("with nothing left it waits for the next tick").hasValue(4);
        pass.stop();
    }

    @Test
    void aPassThatDoesWhatIsDueRunsOncePerTick() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        RepeatingPass pass =
                new RepeatingPass(
                        "test tick", () -> Uni.createFrom().item(passes.incrementAndGet()));

        pass.start(vertx, Duration.ofMillis(500));

        assertThat(within(Duration.ofSeconds(3), () -> passes.get() >= 1)).isTrue();
        Thread.sleep(200);
        assertThat(passes.get()).as("no second pass before the next tick").isLessThanOrEqualTo(1);
        pass.stop();
    }

    @Test
    void aStoppedPassEndsItsDrain() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        RepeatingPass[] pass = new RepeatingPass[1];
        // Always a full batch; the tenth pass stops the pass from inside, as shutdown would.
        pass[0] =
                RepeatingPass.draining(
                        "test stop",
                        () -> {
                            if (passes.incrementAndGet() == 10) {
                                pass[0].stop();
                            }
                            return Uni.createFrom().item(true);
                        });

        pass[0].start(vertx, Duration.ofMillis(100));

        assertThat(within(Duration.ofSeconds(3), () -> passes.get() >= 10)).isTrue();
        Thread.sleep(300);
        assertThat(passes).hasValue(10);
    }

    @Test
    void aWakeRunsAPassAtOnceNotAtTheNextTick() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        RepeatingPass pass =
                new RepeatingPass(
                        "test wake", () -> Uni.createFrom().item(passes.incrementAndGet()));
        pass.start(vertx, Duration.ofMinutes(10));

        pass.wake();

        assertThat(within(Duration.ofSeconds(2), () -> passes.get() == 1)).isTrue();
        pass.stop();
    }

    @Test
    void aWakeDuringAPassRunsAnotherPassRightAfterIt() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        CompletableFuture<Void> firstPassMayEnd = new CompletableFuture<>();
        // The first pass looks before the woken-for work exists and ends only when let.
        RepeatingPass pass =
                new RepeatingPass(
                        "test wake during pass",
                        () ->
                                passes.incrementAndGet() == 1
                                        ? Uni.createFrom().completionStage(firstPassMayEnd)
                                        : Uni.createFrom().voidItem());
        pass.start(vertx, Duration.ofMinutes(10));
        pass.wake();
        assertThat(within(Duration.ofSeconds(2), () -> passes.get() == 1)).isTrue();

        pass.wake();
        firstPassMayEnd.complete(null);

        assertThat(within(Duration.ofSeconds(2), () -> passes.get() == 2))
                .as("a second pass for the wake that came during the first")
                .isTrue();
        Thread.sleep(200);
        assertThat(passes).as("and no more").hasValue(2);
        pass.stop();
    }

    private static boolean within(Duration limit, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
