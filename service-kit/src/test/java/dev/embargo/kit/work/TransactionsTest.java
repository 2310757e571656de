package dev.embargo.kit.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    @Test
    void aCallerWhoLeavesDoesNotCancelTheWorkItStarted() {
        AtomicReference<UniEmitter<? super String>> running = new AtomicReference<>();
        AtomicBoolean workCancelled = new AtomicBoolean();
        AtomicBoolean workFinished = new AtomicBoolean();
        Uni<String> work =
                Uni.createFrom()
                        .<String>emitter(running::set)
                        .onCancellation()
                        .invoke(() -> workCancelled.set(true))
                        .onItem()
                        .invoke(() -> workFinished.set(true));
        List<String> seenByCaller = new ArrayList<>();

        Cancellable caller = Transactions.detached(work).subscribe().with(seenByCaller::add);
        caller.cancel();
        running.get().complete("committed");

        assertThat(workCancelled).isFalse();
        assertThat(workFinished).isTrue();
        assertThat(seenByCaller).as("a caller who left hears nothing").isEmpty();
    }

    @Test
    void aCallerWhoWaitsGetsTheWorksResultOrFailure() {
        assertThat(Transactions.detached(Uni.createFrom().item("stored")).await().indefinitely())
                .isEqualTo("stored");

        AtomicReference<Throwable> failure = new AtomicReference<>();
        Transactions.detached(Uni.createFrom().failure(new IllegalStateException("rolled back")))
                .subscribe()
                .with(item -> {}, failure::set);
        assertThat(failure.get()).hasMessage("rolled back");
    }

    @Test
    void eachSubscriptionRunsTheWorkAgain() {
        AtomicInteger runs = new AtomicInteger();
        Uni<Integer> detached = Transactions.detached(Uni.createFrom().item(runs::incrementAndGet));

        assertThat(detached.await().indefinitely()).isEqualTo(1);
        assertThat(detached.await().indefinitely()).isEqualTo(2);
    }

    @Test
    void noServiceOpensASessionOrTransactionAroundThisClass() throws IOException {
        // Maven runs the tests in service-kit/; the services are its siblings.
        Path repository = Path.of("").toAbsolutePath().getParent();
        List<String> direct = new ArrayList<>();
        try (Stream<Path> modules = Files.list(repository)) {
            for (Path sources :
                    modules.map(module -> module.resolve("src/main/java"))
                            .filter(Files::isDirectory)
                            .toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(file -> file.toString().endsWith(".java"))
                            .filter(
                                    file ->
                                            !file.endsWith(
                                                    "dev/embargo/kit/work/Transactions.java"))
                            .filter(
                                    file ->
                                            contains(file, "Panache.withTransaction(")
                                                    || contains(file, "Panache.withSession("))
                            .forEach(file -> direct.add(repository.relativize(file).toString()));
                }
            }
        }
        assertThat(direct)
                .as("main code calling Panache.withTransaction/withSession instead of Transactions")
                .isEmpty();
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
