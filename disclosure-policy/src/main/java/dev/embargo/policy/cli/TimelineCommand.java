package dev.embargo.policy.cli;

import dev.embargo.policy.deadline.Anchor;
import dev.embargo.policy.deadline.CaseFacts;
import dev.embargo.policy.deadline.Deadline;
import dev.embargo.policy.deadline.DeadlineEngine;
import dev.embargo.policy.io.ProgramCheck;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.DisclosurePolicy.SeverityLevel;
import dev.embargo.policy.model.DisclosurePolicy.SeverityScheme;
import dev.embargo.policy.model.DisclosurePolicy.Track;
import dev.embargo.policy.model.Program;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code embargo policy timeline FILE --arrived TIME [--severity LEVEL] [--expedited]}: the
 * deadline engine's dates for one report, as triage would compute them, from the file alone.
 */
final class TimelineCommand {

    static final String USAGE =
            "timeline FILE --arrived TIME [--severity LEVEL] [--track ID] [--expedited]\n"
                    + "                 [--already-public] [--EVENT TIME...]\n"
                    + "                            the deadlines of a report that arrived at TIME"
                    + " (2026-03-02T10:00Z, or a\n"
                    + "                            local time such as 2026-03-02T11:00 in the"
                    + " program's time zone);\n"
                    + "                            EVENT: acknowledgement, triage, cve-assigned,"
                    + " fix-ready,\n"
                    + "                            fix-merged, fix-released,"
                    + " public-disclosure, when it\n"
                    + "                            happened (for steps anchored on it)";

    /** The events a promise may be anchored on, each an option: {@code --fix-released TIME}. */
    private static final Map<String, Anchor> EVENTS =
            Arrays.stream(Anchor.values())
                    .filter(anchor -> anchor != Anchor.ARRIVAL)
                    .collect(
                            Collectors.toMap(anchor -> "--" + anchor.wireName(), anchor -> anchor));

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    private TimelineCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Set<String> options = new HashSet<>(Set.of("--arrived", "--severity", "--track"));
        options.addAll(EVENTS.keySet());
        Arguments arguments =
                Arguments.parse(args, options, Set.of("--expedited", "--already-public"));
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
        ZoneId zone = program.timeZone() == null ? ZoneId.of("UTC") : program.timeZone();
        CaseFacts facts = facts(program, arguments, time("--arrived", arrived, zone), zone);
        print(program, zone, facts, new DeadlineEngine().timeline(program, facts), out);
        return 0;
    }

    /** The case the command line describes, each fact checked against the program. */
    private static CaseFacts facts(
            Program program, Arguments arguments, Instant arrival, ZoneId zone)
            throws UsageException {
        CaseFacts facts = CaseFacts.arrivedAt(arrival);
        if (arguments.value("--severity").isPresent()) {
            facts = facts.withSeverity(severity(program, arguments.value("--severity").get()));
        }
        if (arguments.value("--track").isPresent()) {
            facts = facts.onTrack(track(program, arguments.value("--track").get()));
        }
        if (arguments.flag("--already-public")) {
            facts = facts.withAlreadyPublic();
        }
        for (Map.Entry<String, Anchor> event : EVENTS.entrySet()) {
            if (arguments.value(event.getKey()).isPresent()) {
                facts =
                        facts.withEvent(
                                event.getValue(),
                                time(event.getKey(), arguments.value(event.getKey()).get(), zone));
            }
        }
        if (arguments.flag("--expedited")) {
            if (program.policy().expedited() == null) {
                throw new UsageException(
                        "--expedited: " + program.slug() + " has no expedited track");
            }
            facts = facts.expedite();
        }
        return facts;
    }

    private static Instant time(String option, String text, ZoneId zone) throws UsageException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw new UsageException(
                        option
                                + ": '"
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

    private static String track(Program program, String id) throws UsageException {
        List<String> ids = program.policy().tracks().stream().map(Track::id).toList();
        if (!ids.contains(id)) {
            throw new UsageException(
                    "--track: '"
                            + id
                            + "' is not a track of "
                            + program.slug()
                            + (ids.isEmpty()
                                    ? ", which has none"
                                    : " (" + String.join(", ", ids) + ")"));
        }
        return id;
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
                String.join(
                        ", ",
                        Stream.of(
                                        facts.track() == null ? null : "track " + facts.track(),
                                        facts.expedited() ? "expedited track" : null,
                                        facts.alreadyPublic() ? "already public" : null)
                                .filter(Objects::nonNull)
                                .toList()));
        for (Deadline deadline : timeline) {
            row(
                    out,
                    deadline.step().name()
                            + (deadline.label() == null ? "" : " " + deadline.label()),
                    deadline.due() == null
                            ? "no due time"
                            : TIME.format(deadline.due().atZone(zone)),
                    (deadline.promised() == null ? "" : deadline.promised().toString())
                            + (deadline.firm() ? "" : " target"),
                    deadline.basis()
                            + (deadline.atLeast() == null
                                    ? ""
                                    : "; not before "
                                            + TIME.format(deadline.atLeast().atZone(zone))));
        }
        if (timeline.stream().anyMatch(deadline -> !deadline.firm())) {
            out.println(
                    "A target (the policy's \"usually\", \"we aim to\") earns warnings, never a"
                            + " breach.");
        }
    }

    private static void row(
            PrintStream out, String step, String due, String promised, String basis) {
        out.println(
                String.format(Locale.ROOT, "%-16s %-26s %-12s %s", step, due, promised, basis)
                        .stripTrailing());
    }
}
