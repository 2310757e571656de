package dev.embargo.intake.service;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.domain.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Admits new reports as fast as triage reads them. The backlog is triage's lag on the report
 * lifecycle topic, measured off the request path ({@code TriageBacklog}), plus the reports admitted
 * since that measurement, so that a flood between two measurements counts at once.
 *
 * <p>Below {@code busyBacklog} every report is admitted. From it, each network (IPv4 /24, IPv6 /64:
 * one party can hold a whole network's addresses) may submit {@code busyPerNetworkPerMinute}: a
 * flood from a few networks is refused with 429 and drains, while anyone else's report is still
 * admitted and queues behind a backlog triage reads in seconds. From {@code maxBacklog} (a flood
 * from everywhere) every report is refused with 503. A backlog not measured for a while (Kafka
 * unreachable) admits everything: intake keeps its reports in its outbox and readiness reports
 * Kafka.
 */
@ApplicationScoped
public class Admission {

    private static final long SWEEP_EVERY = 10_000;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final long busyBacklog;
    private final long maxBacklog;
    private final int busyPerNetworkPerMinute;
    private final long retryAfterSeconds;
    private final long staleAfterNanos;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> networks = new ConcurrentHashMap<>();
    private final AtomicLong admittedSinceMeasured = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private volatile long measuredBacklog;
    private volatile long measuredAt;
    private volatile boolean measured;

    /** What admission says to one report. */
    public record Verdict(int status, long retryAfterSeconds) {

        static final Verdict ADMITTED = new Verdict(0, 0);

        public boolean admitted() {
            return status == 0;
        }
    }

    @Inject
    Admission(IntakeConfig config) {
        this(config.admission(), System::nanoTime);
    }

    Admission(IntakeConfig.Admission config, LongSupplier clock) {
        this.busyBacklog = config.busyBacklog();
        this.maxBacklog = config.maxBacklog();
        this.busyPerNetworkPerMinute = config.busyPerNetworkPerMinute();
        this.retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
        // Five missed measurements, and never less than ten seconds.
        this.staleAfterNanos =
                Math.max(
                        Duration.ofSeconds(10).toNanos(),
                        5 * config.backlogRefreshInterval().toNanos());
        this.clock = clock;
    }

    /** A new measurement of triage's lag, in events. */
    public void backlogMeasured(long events) {
        measuredBacklog = events;
        admittedSinceMeasured.set(0);
        measuredAt = clock.getAsLong();
        measured = true;
    }

    /**
     * Back to the state before the first measurement, in which every report is admitted: reports
     * admitted after a measurement count towards the backlog until it goes stale, so a measurement
     * left behind would govern whatever comes next.
     */
    public void forgetMeasurement() {
        measured = false;
    }

    /** The backlog admission goes by: the last measurement and what was admitted since. */
    public long backlog() {
        return measuredBacklog + admittedSinceMeasured.get();
    }

    /**
     * Whether a report from {@code client} (an address) may come in now, and if not for how long.
     */
    public Verdict admit(String client) {
        long now = clock.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            networks.values().removeIf(bucket -> bucket.fullAt(now));
        }
        // Every report draws on its network's allowance, so a network that floods has none left
        // once triage falls behind.
        long networkWait =
                networks.computeIfAbsent(
                                networkOf(client),
                                ignored ->
                                        new TokenBucket(
                                                busyPerNetworkPerMinute,
                                                busyPerNetworkPerMinute / 60.0,
                                                now))
                        .tryTake(now);
        if (!measured || now - measuredAt > staleAfterNanos) {
            return Verdict.ADMITTED;
        }
        long backlog = backlog();
        if (backlog >= maxBacklog) {
            return new Verdict(503, retryAfterSeconds);
        }
        if (backlog >= busyBacklog && networkWait > 0) {
            return new Verdict(429, Math.max(1, (networkWait + 999_999_999L) / 1_000_000_000L));
        }
        admittedSinceMeasured.incrementAndGet();
        return Verdict.ADMITTED;
    }

    /**
     * The network an address belongs to: its /24 (IPv4) or /64 (IPv6); anything else is its own.
     */
    static String networkOf(String client) {
        if (IPV4.matcher(client).matches()) {
            return client.substring(0, client.lastIndexOf('.')) + ".0/24";
        }
        if (client.indexOf(':') < 0) {
            return client;
        }
        try {
            // Java parses a name holding a colon as an IPv6 literal, never looking it up.
            byte[] address = InetAddress.getByName(client).getAddress();
            return Arrays.toString(Arrays.copyOf(address, address.length == 4 ? 3 : 8));
        } catch (UnknownHostException e) {
            return client;
        }
    }
}
