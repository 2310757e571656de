package dev.embargo.kit.work;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a reactive pass over pending work (outbox rows, queued emails) every interval, one pass
 * at a time, on a Vert.x context Hibernate Reactive accepts. A Vert.x timer rather than the
 * Quarkus scheduler, whose one-second resolution would add up to a second to every hand-off.
 */
public final class RepeatingPass {

    private static final Logger LOG = Logger.getLogger(RepeatingPass.class);

    private final String name;
    private final Supplier<Uni<?>> pass;
    private final AtomicBoolean running = new AtomicBoolean();
    private Vertx vertx;
    private long timerId = -1;

    public RepeatingPass(String name, Supplier<Uni<?>> pass) {
        this.name = name;
        this.pass = pass;
    }

    public void start(Vertx vertx, Duration interval) {
        this.vertx = vertx;
        timerId = vertx.setPeriodic(interval.toMillis(), interval.toMillis(), ignored -> tick());
    }

    /** Stops scheduling passes; a pass in flight finishes on its own. */
    public void stop() {
        if (vertx != null && timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        // Hibernate Reactive insists on a duplicated context marked safe, like those Quarkus gives its own handlers.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(pass).subscribe().with(
                done -> running.set(false),
                failure -> {
                    LOG.warnf("%s will retry: %s", name, failure.getMessage());
                    running.set(false);
                }));
    }
}
