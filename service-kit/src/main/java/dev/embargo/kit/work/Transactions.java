package dev.embargo.kit.work;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * The one way into the database: Panache's session and transaction, run to their end once started.
 *
 * <p>When an HTTP client hangs up, RESTEasy cancels the request's {@code Uni}. Hibernate Reactive
 * then closes the session from the cancelling side, possibly on another thread and while a
 * transaction is open; the close fails ("Connection being closed with a live transaction") and the
 * connection never returns to the pool (quarkusio/quarkus#51576, hibernate-reactive#2926). A few
 * hundred abandoned requests left a service with no connection at all. Here a cancellation only
 * detaches the caller: the work commits or rolls back and closes its session as if the caller were
 * still waiting, and its result is dropped.
 */
public final class Transactions {

    private Transactions() {}

    /** {@code work} in a transaction (joining the caller's, if there is one). */
    public static <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return detached(Panache.withTransaction(work));
    }

    /** {@code work} in a session without a transaction of its own (reads). */
    public static <T> Uni<T> inSession(Supplier<Uni<T>> work) {
        return detached(Panache.withSession(work));
    }

    /**
     * {@code work} subscribed to on the caller's thread and context, but deaf to the caller's
     * cancellation.
     */
    static <T> Uni<T> detached(Uni<T> work) {
        return Uni.createFrom()
                .emitter(caller -> work.subscribe().with(caller::complete, caller::fail));
    }
}
