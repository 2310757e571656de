package dev.embargo.policy.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code embargo policy}: program files checked, timed and migrated from the command line, with no
 * running stack, so that a team can check the policy it keeps beside its code in its own CI. Exit
 * status 0 when all is well (warnings may be printed), 1 when a file has an error, 2 for a command
 * line that cannot run.
 */
public final class PolicyCommand {

    static final int USAGE_ERROR = 2;

    private static final String USAGE =
            "Usage: embargo policy COMMAND ...\n"
                    + "  "
                    + CheckCommand.USAGE
                    + "\n  "
                    + TimelineCommand.USAGE
                    + "\n  "
                    + MigrateCommand.USAGE
                    + "\n"
                    + "Exit status: 0 no error (warnings may be printed), 1 an error, 2 a usage"
                    + " error.\n"
                    + "Findings read FILE:LINE: error|warning: FIELD: MESSAGE.";

    private PolicyCommand() {}

    public static void main(String[] args) {
        // The schema validator logs through SLF4J, which has no provider here and would say so on
        // every run, between the findings.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs one command line; returns its exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || List.of("help", "-h", "--help").contains(args.getFirst())) {
            (args.isEmpty() ? err : out).println(USAGE);
            return args.isEmpty() ? USAGE_ERROR : 0;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        try {
            return switch (args.getFirst()) {
                case "check" -> CheckCommand.run(rest, out, err);
                case "timeline" -> TimelineCommand.run(rest, out, err);
                case "migrate" -> MigrateCommand.run(rest, out, err);
                default -> throw new UsageException("unknown command '" + args.getFirst() + "'");
            };
        } catch (UsageException e) {
            err.println("embargo policy: " + e.getMessage());
            err.println("Run 'embargo policy --help' for the usage.");
            return USAGE_ERROR;
        }
    }
}
