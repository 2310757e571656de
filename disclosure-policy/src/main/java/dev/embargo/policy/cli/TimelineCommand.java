package dev.embargo.policy.cli;

import dev.embargo.policy.deadline.CaseFacts;
import dev.embargo.policy.deadline.Deadline;
import dev.embargo.policy.deadline.DeadlineEngine;
import dev.embargo.policy.io.ProgramCheck;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.DisclosurePolicy.SeverityLevel;
import dev.embargo.policy.model.DisclosurePolicy.SeverityScheme;
import dev.embargo.policy.model.Program;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code embargo policy timeline FILE --arrived TIME [--severity LEVEL] [--expedited]}: the
 * deadline engine's dates for one report, as triage would compute them, from the file alone.
 */
final class TimelineCommand {

    static final String USAGE =
            "timeline FILE --arrived TIME [--severity LEVEL] [--expedited]\n"
                    + "                            the deadlines of a report that arrived at TIME"
                    + " (2026-03-02T10:00Z, or a\n"
                    + "                            local time such as 2026-03-02T11:00 in the"
                    + " program's time zone)";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    private TimelineCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments =
                Arguments.parse(args, Set.of("--arrived", "--severity"), Set.of("--expedited"));
        if (arguments.operands().size() != 1) {
            throw new UsageException("timeline needs one program file");
        }
        String arrived =
                arguments
                        .value("--arrived")
                        .orElseThrow(
                                () ->
                                        new UsageException(
                                                "timeline needs --arrived, e.g. --arrived"
                                                        + " 2026-03-02T10:00Z"));
        // Findings go to stderr: stdout is the timeline.
        ProgramCheck check =
                new Diagnostics(err)
                        .check(new ProgramFiles(), arguments.operands().getFirst())
                        .orElse(null);
        if (check == null || !check.valid()) {
            return 1;
        }
        Program program = check.program();
        ZoneId zone = program.timeZone() == null ? ZoneOffset.UTC : program.timeZone();
        CaseFacts facts = CaseFacts.arrivedAt(arrival(arrived, zone));
        if (arguments.value("--severity").isPresent()) {
            facts = facts.withSeverity(severity(program, arguments.value("--severity").get()));
        }
        if (arguments.flag("--expedited")) {
            if (program.policy().expedited() == null) {
                throw new UsageException(
                        "--expedited: " + program.slug() + " has no expedited track");
            }
            facts = facts.expedite();
        }
        print(program, zone, facts, new DeadlineEngine().timeline(program, facts), out);
        return 0;
    }

    private static Instant arrival(String text, ZoneId zone) throws UsageException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw new UsageException(
                        "--arrived: '"
                                + text
                                + "' is not a time such as 2026-03-02T10:00Z or, in the"
                                + " program's time zone, 2026-03-02T11:00");
            }
        }
    }

    private static String severity(Program program, String level) throws UsageException {
        SeverityScheme scheme = program.policy().severity();
        List<String> levels =
                scheme == null
                        ? List.of()
                        : scheme.levels().stream().map(SeverityLevel::name).toList();
        if (!levels.contains(level)) {
            throw new UsageException(
                    "--severity: '"
                            + level
                            + "' is not a severity level of "
                            + program.slug()
                            + (levels.isEmpty()
                                    ? ", which has none"
                                    : " (" + String.join(", ", levels) + ")"));
        }
        return level;
    }

    private static void print(
            Program program,
            ZoneId zone,
            CaseFacts facts,
            List<Deadline> timeline,
            PrintStream out) {
        out.println(
                program.slug()
                        + " ("
                        + program.name()
                        + "), times in "
                        + (program.timeZone() == null ? "UTC (time zone not stated)" : zone));
        row(out, "ARRIVED", TIME.format(facts.arrivedAt().atZone(zone)), "", "");
        row(
                out,
                "SEVERITY",
                facts.severity() == null ? "not set" : facts.severity(),
                "",
                facts.expedited() ? "expedited track" : "");
        for (Deadline deadline : timeline) {
            row(
                    out,
                    deadline.step().name(),
                    deadline.due() == null
                            ? "no due time"
                            : TIME.format(deadline.due().atZone(zone)),
                    deadline.promised() == null ? "" : deadline.promised().toString(),
                    deadline.basis());
        }
    }

    private static void row(
            PrintStream out, String step, String due, String promised, String basis) {
        out.println(
                String.format(Locale.ROOT, "%-16s %-26s %-12s %s", step, due, promised, basis)
                        .stripTrailing());
    }
}
