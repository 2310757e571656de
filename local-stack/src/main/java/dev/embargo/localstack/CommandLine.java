package dev.embargo.localstack;

import java.util.List;

/**
 * {@code ./embargo up [--detach] | down | status | reset | infra-up | infra-down}. Without {@code
 * --detach}, {@code up} stays in the foreground and Ctrl-C (or SIGTERM) stops everything, also
 * halfway through starting; with it, {@code up} returns once everything is ready and leaves the
 * processes running for {@code down}.
 */
final class CommandLine {

    static final String USAGE =
            "Usage: embargo up [--detach] | down | status | reset | infra-up | infra-down";

    private final String command;
    private final boolean detach;

    CommandLine(String[] args) {
        List<String> arguments = List.of(args);
        this.command = arguments.isEmpty() ? "help" : arguments.getFirst();
        this.detach = arguments.contains("--detach");
    }

    /** Runs the command; returns the exit code. */
    int run() {
        LocalStack stack = null;
        try {
            stack = LocalStack.create(StackSettings.fromEnvironment());
            switch (command) {
                case "up" -> up(stack);
                case "infra-up" -> stack.startInfrastructure();
                case "down" -> stack.stopAll();
                case "infra-down" -> stack.stopInfrastructure();
                case "status" -> stack.status().forEach(System.out::println);
                case "reset" -> stack.reset();
                case "help", "-h", "--help" -> System.out.println(USAGE);
                default -> {
                    System.err.println("Unknown command '" + command + "'. " + USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (StackException | IllegalArgumentException | IllegalStateException e) {
            System.err.println();
            System.err.println("embargo: " + e.getMessage());
            if (detach && stack != null && stack.anyRunning()) {
                System.err.println(
                        "What started keeps running: ./embargo status shows it, ./embargo down"
                                + " stops it.");
            }
            return 1;
        }
    }

    private void up(LocalStack stack) {
        long started = System.nanoTime();
        if (!detach) {
            // Registered first, so that Ctrl-C during the start, or a failed start, leaves nothing
            // behind.
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        System.out.println();
                                        stack.shutDown();
                                    },
                                    "embargo-down"));
        }
        stack.startAll();
        new Summary(stack).print(Progress.seconds(started));
        if (detach) {
            System.out.println("Running in the background. Stop everything with: ./embargo down");
            return;
        }
        System.out.println("Press Ctrl-C to stop everything.");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
