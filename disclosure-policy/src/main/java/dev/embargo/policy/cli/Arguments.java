package dev.embargo.policy.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A subcommand's arguments: options with a value ({@code --arrived X} or {@code --arrived=X}),
 * flags ({@code --expedited}) and operands (the files); {@code --} ends the options.
 */
final class Arguments {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> operands = new ArrayList<>();

    private Arguments() {}

    /**
     * @param options the names of the options that take a value, e.g. {@code --arrived}
     * @param flagNames the names of the options that take none
     */
    static Arguments parse(List<String> args, Set<String> options, Set<String> flagNames)
            throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                parsed.operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                parsed.operands.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (flagNames.contains(name) && equals < 0) {
                parsed.flags.add(name);
            } else if (options.contains(name)) {
                String value = equals >= 0 ? arg.substring(equals + 1) : null;
                if (value == null) {
                    if (i + 1 == args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (parsed.values.put(name, value) != null) {
                    throw new UsageException(name + " is given twice");
                }
            } else {
                throw new UsageException("unknown option " + arg);
            }
        }
        return parsed;
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> operands() {
        return operands;
    }
}
