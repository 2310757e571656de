package dev.embargo.policy.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error on one line, at the line and column the YAML parser names as the problem
 * (Jackson's own location is that of the last token read, often the line before).
 */
final class YamlSyntax {

    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");

    private YamlSyntax() {}

    static PolicyError error(JsonProcessingException exception) {
        MarkedYAMLException marked = markedCause(exception);
        if (marked == null || marked.getProblemMark() == null) {
            Integer line =
                    exception.getLocation() == null ? null : exception.getLocation().getLineNr();
            Matcher duplicate = DUPLICATE_KEY.matcher(exception.getOriginalMessage());
            return new PolicyError(
                    "",
                    line,
                    duplicate.lookingAt()
                            ? "'"
                                    + duplicate.group(1)
                                    + "' is written twice in one mapping; the second would"
                                    + " replace the first"
                            : "not valid YAML: " + exception.getOriginalMessage().strip());
        }
        Mark problem = marked.getProblemMark();
        Mark context = marked.getContextMark();
        String within =
                marked.getContext() == null
                                || context == null
                                || context.getLine() == problem.getLine()
                        ? ""
                        : " ("
                                + marked.getContext()
                                + " that starts on line "
                                + (context.getLine() + 1)
                                + ")";
        return new PolicyError(
                "",
                problem.getLine() + 1,
                "not valid YAML at column "
                        + (problem.getColumn() + 1)
                        + ": "
                        + marked.getProblem()
                        + hint(marked.getProblem())
                        + within);
    }

    private static String hint(String problem) {
        if (problem.startsWith("mapping values are not allowed")) {
            return "; put a value that holds ': ' in quotes";
        }
        if (problem.contains("<block end>")) {
            return "; check the indentation of this line";
        }
        return "";
    }

    private static MarkedYAMLException markedCause(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }
}
