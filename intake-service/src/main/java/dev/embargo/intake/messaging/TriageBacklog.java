package dev.embargo.intake.messaging;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.service.Admission;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Measures triage's lag on the report lifecycle topic on a thread of its own at the configured
 * interval and gives it to {@link Admission}: requests never wait for Kafka. A failed measurement
 * is logged once until one succeeds again; admission stops using a stale one by itself.
 */
@ApplicationScoped
public class TriageBacklog {

    private static final Logger LOG = Logger.getLogger(TriageBacklog.class);

    private final IntakeConfig.Admission config;
    private final Admission admission;
    private final Map<String, Object> kafka;
    private final String topic;
    private ScheduledExecutorService timer;
    private Admin admin;
    private volatile boolean failing;

    TriageBacklog(
            IntakeConfig config,
            Admission admission,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.outgoing.embargo-events.topic") String topic) {
        this.config = config.admission();
        this.admission = admission;
        this.kafka = kafka;
        this.topic = topic;
    }

    void start(@Observes StartupEvent startup) {
        Duration interval = config.backlogRefreshInterval();
        if (interval.isZero()) {
            return;
        }
        Map<String, Object> adminConfig = new HashMap<>(kafka);
        adminConfig.remove("group.id");
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "intake-triage-backlog");
        admin = Admin.create(adminConfig);
        ConsumerLag lag =
                new ConsumerLag(admin, config.triageGroup(), topic, interval.multipliedBy(5));
        timer =
                Executors.newSingleThreadScheduledExecutor(
                        task ->
                                Thread.ofPlatform()
                                        .daemon()
                                        .name("triage-backlog")
                                        .unstarted(task));
        timer.scheduleWithFixedDelay(
                () -> measure(lag), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void measure(ConsumerLag lag) {
        try {
            admission.backlogMeasured(lag.measure());
            failing = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!failing) {
                LOG.warnf("Cannot measure triage's backlog, admitting every report: %s", e);
            }
            failing = true;
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.shutdownNow();
            admin.close(Duration.ofSeconds(1));
        }
    }
}
