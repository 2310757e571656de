package dev.embargo.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmarks, in the order of their sections in RESULTS.md, with the commands that run them.
 */
public enum Benchmark {
    ACK_LATENCY(
            "ack-latency",
            "Submit → acknowledgement email latency",
            "./embargo up --detach",
            "./embargo bench",
            "[reports] [per-second]"),
    SUSTAINED_RATE(
            "sustained-rate",
            "Whole platform, highest sustained rate",
            "./embargo up --detach",
            "./embargo bench sustained",
            "[seconds-per-step] [rates...]"),
    WEBHOOK_FAN_OUT(
            "webhook-fan-out",
            "Webhook fan-out",
            "./embargo up --detach",
            "./embargo bench webhooks",
            "[endpoints]"),
    INTAKE_THROUGHPUT(
            "intake-throughput",
            "Intake throughput next to pgbench",
            "EMBARGO_RATE_LIMIT_GLOBAL_PER_SECOND=100000 ./embargo up --detach",
            "./embargo bench intake",
            "[per-second] [seconds] [clients]"),
    FOOTPRINT(
            "footprint",
            "Each service alone: start time and memory",
            "./embargo infra-up",
            "./embargo bench footprint",
            "[load-seconds] [service...]");

    private final String id;
    private final String title;
    private final String stack;
    private final String command;
    private final String parameters;

    Benchmark(String id, String title, String stack, String command, String parameters) {
        this.id = id;
        this.title = title;
        this.stack = stack;
        this.command = command;
        this.parameters = parameters;
    }

    /**
     * The benchmarks directory: {@code embargo.benchmarks}, as {@code ./embargo bench} sets it, or
     * ./benchmarks.
     */
    public static Path directory() {
        return Path.of(System.getProperty("embargo.benchmarks", "benchmarks"));
    }

    /** Names its section's markers in RESULTS.md and its chart, charts/{id}.png. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The command that starts the stack it measures. */
    public String stack() {
        return stack;
    }

    /** The command that runs it, with its optional arguments. */
    public String usage() {
        return command + " " + parameters;
    }

    /** The command that runs it with these arguments. */
    public String command(Object... arguments) {
        return Stream.concat(Stream.of(command), Arrays.stream(arguments).map(String::valueOf))
                .collect(Collectors.joining(" "));
    }
}
