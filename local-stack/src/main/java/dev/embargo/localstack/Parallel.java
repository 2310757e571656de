package dev.embargo.localstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Independent steps side by side: the stack starts as fast as its slowest component, not the sum of
 * all.
 */
final class Parallel {

    private Parallel() {}

    /**
     * Runs {@code action} for every item, each in a thread of its own, and returns once all are
     * done. Failures do not cancel the others; they are reported together afterwards.
     */
    static <T> void forEach(List<T> items, Consumer<T> action) {
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                threads.submit(
                        () -> {
                            try {
                                action.accept(item);
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        });
            }
        }
        if (failures.size() == 1) {
            throw failures.getFirst();
        }
        if (!failures.isEmpty()) {
            StackException combined =
                    new StackException(
                            failures.stream()
                                    .map(RuntimeException::getMessage)
                                    .collect(Collectors.joining("\n\n")));
            failures.forEach(combined::addSuppressed);
            throw combined;
        }
    }
}
