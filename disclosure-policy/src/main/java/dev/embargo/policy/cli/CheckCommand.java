package dev.embargo.policy.cli;

import dev.embargo.policy.io.ProgramFiles;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code embargo policy check [--strict] FILE...}: every error and warning of each program file;
 * exit status 1 when any file has an error (with {@code --strict}, also a warning).
 */
final class CheckCommand {

    static final String USAGE =
            "check [--strict] FILE...    check program files: exit 1 on any error (with --strict,"
                    + " also on a warning)";

    private CheckCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of("--strict"));
        if (arguments.operands().isEmpty()) {
            throw new UsageException("check needs at least one program file");
        }
        ProgramFiles files = new ProgramFiles();
        Diagnostics diagnostics = new Diagnostics(out);
        for (String file : arguments.operands()) {
            diagnostics.check(files, file);
        }
        int checked = arguments.operands().size();
        err.println(
                count(checked, "file")
                        + " checked: "
                        + count(diagnostics.errors(), "error")
                        + ", "
                        + count(diagnostics.warnings(), "warning"));
        boolean failed =
                diagnostics.errors() > 0
                        || arguments.flag("--strict") && diagnostics.warnings() > 0;
        return failed ? 1 : 0;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
