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
 * Runs a reactive pass over pending work (outbox rows, queued emails) every interval, one pass at a
 * time, on a Vert.x context Hibernate Reactive accepts. A Vert.x timer rather than the Quarkus
 * scheduler, whose one-second resolution would add up to a second to every hand-off.
 *
 * <p>A pass made {@link #draining} says whether it left work waiting (it took a full batch), and
 * then runs again at once instead of at the next tick: otherwise a batch per tick would be all the
 * work ever done, whatever came in (the outbox relay: 200 events every 100 ms).
 *
 * <p>{@link #wake()} runs a pass at once, between ticks: work queued by a transaction that just
 * committed (see {@link WakeOnCommit}) need not wait for the next tick, which is then only a safety
 * net. A wake during a pass runs another pass right after it, since the running one may have looked
 * before that work was committed.
 */
public final class RepeatingPass {

    private static final Logger LOG = Logger.getLogger(RepeatingPass.class);

    private final String name;
    private final Supplier<Uni<Boolean>> pass;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenDuringPass = new AtomicBoolean();
    private volatile boolean stopped;
    private Vertx vertx;
    private long timerId = -1;

    /** A pass that does what is due each tick. */
    public RepeatingPass(String name, Supplier<Uni<?>> pass) {
        this(() -> pass.get().replaceWith(false), name);
    }

    private RepeatingPass(Supplier<Uni<Boolean>> pass, String name) {
        this.name = name;
        this.pass = pass;
    }

    /** A pass that answers true when it left work waiting, and is then run again at once. */
    public static RepeatingPass draining(String name, Supplier<Uni<Boolean>> pass) {
        return new RepeatingPass(pass, name);
    }

    public void start(Vertx vertx, Duration interval) {
        this.vertx = vertx;
        timerId = vertx.setPeriodic(interval.toMillis(), interval.toMillis(), ignored -> tick());
    }

    /** Runs a pass now, or right after the one under way; nothing before {@link #start}. */
    public void wake() {
        if (vertx != null && !stopped) {
            tick();
        }
    }

    /** Stops scheduling passes; a pass in flight finishes on its own, and a drain ends with it. */
    public void stop() {
        stopped = true;
        if (vertx != null && timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            wokenDuringPass.set(true);
            return;
        }
        // Hibernate Reactive insists on a duplicated context marked safe, like those Quarkus gives
        // its own handlers.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> runPass(context));
    }

    private void runPass(Context context) {
        Uni.createFrom()
                .deferred(pass::get)
                .subscribe()
                .with(
                        workLeft -> {
                            boolean again = wokenDuringPass.getAndSet(false);
                            if ((again || Boolean.TRUE.equals(workLeft)) && !stopped) {
                                // Queued rather than called: a long drain must not deepen the
                                // stack.
                                context.runOnContext(ignored -> runPass(context));
                            } else {
                                finish();
                            }
                        },
                        failure -> {
                            LOG.warnf("%s will retry: %s", name, failure.getMessage());
                            finish();
                        });
    }

    /** Ends the run; a wake that came between the last look and now starts the next one. */
    private void finish() {
        running.set(false);
        if (wokenDuringPass.getAndSet(false) && !stopped) {
            tick();
        }
    }
}
