package dev.embargo.e2e.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The curl examples of a Markdown page, as one bash script. The page's rule: every code block
 * marked {@code sh} that calls curl runs, in order and in one shell; a {@code # 201 …} comment
 * right under a command is the status that curl must answer, any other curl must answer 2xx. A curl
 * in the condition of an {@code until} or {@code while} loop waits for something that comes
 * asynchronously, so its failed attempts are not failures.
 */
public final class ReadmeExamples {

    /** What a script prints when an example fails: the test looks for it. */
    public static final String FAILURE_MARK = "README-FAILED";

    /**
     * What a script prints before each block, followed by the page's line where the block begins.
     */
    public static final String BLOCK_MARK = "--- README.md line ";

    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*(\\S*)\\s*$");
    private static final Pattern CURL = Pattern.compile("(?<![\\w./-])curl(?=\\s)");
    private static final Pattern STATUS_COMMENT = Pattern.compile("^\\s*#\\s*(\\d{3})\\b.*");
    private static final Pattern LOOP_CONDITION = Pattern.compile("^\\s*(until|while)\\s.*");
    private static final Pattern LOCAL_ADDRESS =
            Pattern.compile("\\b(localhost|127\\.0\\.0\\.1):(\\d{2,5})\\b");

    /**
     * Wraps curl so that the script checks each answer's status: the body passes through as curl
     * printed it, and a status other than {@code README_EXPECT} (2xx when unset) fails the command,
     * marked as a failure unless {@code README_WAITING} is set (a loop's condition). The test stack
     * is shared with the other test classes, so the examples speak to intake's rate limits as a
     * client of their own (the test stack trusts 127.0.0.1 as a proxy).
     */
    private static final String PREAMBLE =
            """
            set -euo pipefail
            README_CLIENT="198.51.100.$((RANDOM % 250 + 1))"
            readme_failed() {
              if [[ -z ${README_WAITING:-} ]]; then echo "FAILURE_MARK: $1" >&2; fi
            }
            curl() {
              local extra=() answer status
              if [[ " $* " == *" http://"* ]]; then extra=(-H "X-Forwarded-For: $README_CLIENT"); fi
              answer=$(command curl "${extra[@]}" --write-out '\\n%{response_code}' "$@") \\
                || { readme_failed "curl exited with $? for: curl $*"; return 1; }
              status=${answer##*$'\\n'}
              printf '%s' "${answer%$'\\n'*}"
              if [[ $status != ${README_EXPECT:-2??} ]]; then
                readme_failed "answered $status, expected ${README_EXPECT:-2xx}, for: curl $*"
                return 1
              fi
            }
            """
                    .replace("FAILURE_MARK", FAILURE_MARK);

    private final List<Block> blocks;

    private ReadmeExamples(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** The examples of a page, given as its lines. */
    public static ReadmeExamples of(List<String> markdown) {
        List<Block> blocks = new ArrayList<>();
        List<String> current = null;
        int start = 0;
        boolean shell = false;
        for (int index = 0; index < markdown.size(); index++) {
            String line = markdown.get(index);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches() && current == null) {
                current = new ArrayList<>();
                start = index + 2;
                shell = fence.group(1).equals("sh");
            } else if (fence.matches() && fence.group(1).isEmpty()) {
                if (shell && current.stream().anyMatch(ReadmeExamples::callsCurl)) {
                    blocks.add(new Block(start, current));
                }
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return new ReadmeExamples(blocks);
    }

    /** How many curl commands the examples hold. */
    public long curlCommands() {
        return blocks.stream()
                .flatMap(block -> block.lines().stream())
                .filter(ReadmeExamples::callsCurl)
                .count();
    }

    /**
     * The examples as one bash script, with every {@code localhost} or {@code 127.0.0.1} port found
     * in {@code ports} replaced by the port it maps to. Before each block the script prints the
     * page's line where the block begins.
     */
    public String script(Map<Integer, Integer> ports) {
        StringBuilder script = new StringBuilder(PREAMBLE);
        for (Block block : blocks) {
            script.append("echo '").append(BLOCK_MARK).append(block.firstLine()).append("' >&2\n");
            List<String> lines = block.lines();
            for (int index = 0; index < lines.size(); index++) {
                String line = withPorts(lines.get(index), ports);
                OptionalInt expected =
                        callsCurl(line) ? expectedStatus(lines, index) : OptionalInt.empty();
                if (expected.isPresent()) {
                    line =
                            CURL.matcher(line)
                                    .replaceFirst("README_EXPECT=" + expected.getAsInt() + " curl");
                }
                if (LOOP_CONDITION.matcher(line).matches()) {
                    line = CURL.matcher(line).replaceAll("README_WAITING=1 curl");
                }
                script.append(line).append('\n');
            }
        }
        return script.toString();
    }

    private static boolean callsCurl(String line) {
        return !line.strip().startsWith("#") && CURL.matcher(line).find();
    }

    /**
     * The status in the comment right under the command that starts at {@code index} (continued
     * with a backslash).
     */
    private static OptionalInt expectedStatus(List<String> lines, int index) {
        int next = index + 1;
        while (lines.get(next - 1).endsWith("\\") && next < lines.size()) {
            next++;
        }
        if (next >= lines.size()) {
            return OptionalInt.empty();
        }
        Matcher comment = STATUS_COMMENT.matcher(lines.get(next));
        return comment.matches()
                ? OptionalInt.of(Integer.parseInt(comment.group(1)))
                : OptionalInt.empty();
    }

    private static String withPorts(String line, Map<Integer, Integer> ports) {
        return LOCAL_ADDRESS
                .matcher(line)
                .replaceAll(
                        address -> {
                            Integer moved = ports.get(Integer.parseInt(address.group(2)));
                            return Matcher.quoteReplacement(
                                    moved == null
                                            ? address.group()
                                            : address.group(1) + ":" + moved);
                        });
    }

    /** A code block: the page's line of its first line, and its lines. */
    private record Block(int firstLine, List<String> lines) {}
}
