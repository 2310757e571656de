package dev.embargo.kit.work;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * A Hibernate Reactive session must only be used on the Vert.x context that opened it, but clients
 * such as Kafka's producer or the SMTP client complete on their own threads. Pass {@link
 * #current()} to {@code emitOn} to come back before touching the session again.
 */
public final class SessionContexts {

    private SessionContexts() {}

    /** Runs tasks on the caller's Vert.x context, or in place when there is none. */
    public static Executor current() {
        Context context = Vertx.currentContext();
        return context == null
                ? Runnable::run
                : command -> context.runOnContext(ignored -> command.run());
    }
}
