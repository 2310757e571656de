package dev.embargo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Program files hold no invented values: no placeholder address or word in any value, and in the
 * examples written from public policies, a source and date on top and every severity level named in
 * the file's quotes of its source. Comments may quote a policy's own text, so only values are
 * checked for placeholders.
 */
class ProgramFilesHonestyTest {

    static final Path SEEDS = Path.of("../deploy/programs");
    static final Path EXAMPLES = SEEDS.resolve("examples");

    /**
     * Names no one can be reached at: reserved for documentation and testing (RFC 2606, RFC 6761),
     * or only meaningful on a local network (RFC 6762, RFC 8375, ICANN's .internal).
     */
    private static final Pattern RESERVED_HOST =
            Pattern.compile(
                    "(^|\\.)(example\\.(com|org|net)|localhost"
                        + "|[^.]+\\.(invalid|example|test|localhost|local|internal|home\\.arpa))$");

    /**
     * Placeholder team addresses two seeds still carry: the local stack's mail catcher receives
     * them, and the end-to-end tests read the team's mail there. Listed so that any other
     * placeholder fails, and so that this list must shrink when a seed gets a real address.
     */
    private static final List<String> KNOWN_SEED_PLACEHOLDERS =
            List.of(
                    "pea2pea.yaml: reserved address in \"security@pea2pea.invalid\"",
                    "x0tta6bl4.yaml: reserved address in \"security@x0tta6bl4.local\"",
                    "x0tta6bl4.yaml: reserved address in \"security@x0tta6bl4.local\"");

    private static final Pattern HOST =
            Pattern.compile(
                    "(?:https?://|@)([A-Za-z0-9.-]+\\.[A-Za-z]{2,})", Pattern.CASE_INSENSITIVE);

    private static final Pattern PLACEHOLDER_WORD =
            Pattern.compile(
                    "\\b(TODO|TBD|FIXME|XXX|changeme|change-me|placeholder|lorem ipsum)\\b",
                    Pattern.CASE_INSENSITIVE);

    private static final Pattern SOURCE_HEADER =
            Pattern.compile(
                    "# Sources?:.*?https://\\S+.*?\\b\\d{4}-\\d{2}-\\d{2}\\b", Pattern.DOTALL);

    /** Parts of comments that cite rather than quote: URLs, commit ids and dates. */
    private static final Pattern NOT_QUOTED =
            Pattern.compile("https?://\\S+|\\b[0-9a-f]{40}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b");

    private static final Pattern DURATION = Pattern.compile("([0-9]+)(h|d|bd|w)");

    private static final List<String> NUMBER_WORDS =
            List.of(
                    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                    "ten", "eleven", "twelve");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void shipsAtLeastEightExamplesWrittenFromPublicPolicies() {
        assertThat(yamlFiles(EXAMPLES)).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void noExampleValueIsAPlaceholderAddressOrWord() {
        assertThat(placeholders(yamlFiles(EXAMPLES))).isEmpty();
    }

    @Test
    void theSeedsHoldNoPlaceholderButTheirKnownTeamAddresses() {
        assertThat(placeholders(yamlFiles(SEEDS)))
                .containsExactlyInAnyOrderElementsOf(KNOWN_SEED_PLACEHOLDERS);
    }

    private static List<String> placeholders(List<Path> files) {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            for (String value : values(tree(file))) {
                Matcher host = HOST.matcher(value);
                while (host.find()) {
                    if (RESERVED_HOST.matcher(host.group(1).toLowerCase(Locale.ROOT)).find()) {
                        found.add(file.getFileName() + ": reserved address in \"" + value + "\"");
                    }
                }
                Matcher word = PLACEHOLDER_WORD.matcher(value);
                if (word.find()) {
                    found.add(
                            file.getFileName() + ": \"" + word.group() + "\" in \"" + value + "\"");
                }
            }
        }
        return found;
    }

    @Test
    void everyExampleNamesItsSourceAndTheDateOfTheTextOnTop() throws IOException {
        for (Path file : yamlFiles(EXAMPLES)) {
            String header = Files.readString(file).split("\\napiVersion:", 2)[0];
            assertThat(SOURCE_HEADER.matcher(header).find())
                    .as(
                            "%s starts with '# Source: <https URL> ... <yyyy-mm-dd>'",
                            file.getFileName())
                    .isTrue();
        }
    }

    @Test
    void everySeverityTrackAndDurationOfAnExampleIsInItsQuotesOfTheSource() throws IOException {
        List<String> invented = new ArrayList<>();
        for (Path file : yamlFiles(EXAMPLES)) {
            notInQuotes(Files.readString(file))
                    .forEach(value -> invented.add(file.getFileName() + ": " + value));
        }
        assertThat(invented).as("values the quoted source text does not state").isEmpty();
    }

    @Test
    void theChecksCatchAnInventedAddressWordSeverityTrackAndDuration() {
        assertThat(HOST.matcher("security@acme.invalid").find()).isTrue();
        assertThat(RESERVED_HOST.matcher("acme.invalid").find()).isTrue();
        assertThat(RESERVED_HOST.matcher("psirt.example.com").find()).isTrue();
        assertThat(RESERVED_HOST.matcher("example.org").find()).isTrue();
        assertThat(RESERVED_HOST.matcher("curl.se").find()).isFalse();
        assertThat(RESERVED_HOST.matcher("examples.dev").find()).isFalse();
        assertThat(RESERVED_HOST.matcher("x0tta6bl4.local").find()).isTrue();
        assertThat(RESERVED_HOST.matcher("lists.openjsf.org").find()).isFalse();
        assertThat(PLACEHOLDER_WORD.matcher("Fingerprint TBD").find()).isTrue();
        assertThat(PLACEHOLDER_WORD.matcher("TODO: fill in").find()).isTrue();
        assertThat(PLACEHOLDER_WORD.matcher("Today").find()).isFalse();
        assertThat(
                        notInQuotes(
                                """
                                # Source: https://h/30d, commit 2026-12-30
                                # "We use Low and High. Acknowledged within 3 working days,
                                # fixed within a week, PUBLIC issues in public."
                                policy:
                                  severity:
                                    levels: [{ name: high }, { name: critical }, { name: low }]
                                  tracks:
                                    - { id: public, title: PUBLIC, release: fixed-in-public, embargo: false }
                                    - { id: quiet, title: QUIET, release: fixed-in-public, embargo: false }
                                  deadlines:
                                    acknowledgement: 3bd
                                    fixBySeverity: { high: 7d, low: 30d }
                                """))
                .containsExactly("severity 'critical'", "track 'QUIET'", "duration '30d'");
        assertThat(comments("name: x # \"We use Low\"\nurl: https://h/#!forum # note\n"))
                .contains("We use Low", "note")
                .doesNotContain("forum");
    }

    static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(Path file) {
        try {
            return tree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isValueNode()) {
            values.add(node.asText());
        }
        node.forEach(child -> values.addAll(values(child)));
        return values;
    }

    /**
     * The severity levels, track titles and durations of a program file that none of its comments
     * (its quotes of the source) states. A duration is stated by its number, in digits or words, or
     * for whole weeks of days by its number of weeks ("one week" or "a week" for 7d).
     */
    private static List<String> notInQuotes(String yaml) {
        String quotes = NOT_QUOTED.matcher(comments(yaml).toLowerCase(Locale.ROOT)).replaceAll(" ");
        JsonNode policy = tree(yaml).path("policy");
        List<String> missing = new ArrayList<>();
        for (JsonNode level : policy.path("severity").path("levels")) {
            String name = level.path("name").asText();
            if (!mentions(quotes, name)) {
                missing.add("severity '" + name + "'");
            }
        }
        for (JsonNode track : policy.path("tracks")) {
            String title = track.path("title").asText();
            if (!mentions(quotes, title.toLowerCase(Locale.ROOT))) {
                missing.add("track '" + title + "'");
            }
        }
        for (String value : values(policy)) {
            Matcher duration = DURATION.matcher(value);
            if (duration.matches() && !statesNumber(quotes, duration)) {
                missing.add("duration '" + value + "'");
            }
        }
        return missing;
    }

    private static boolean statesNumber(String quotes, Matcher duration) {
        int amount = Integer.parseInt(duration.group(1));
        boolean days = duration.group(2).endsWith("d");
        return amount == 0
                || mentions(quotes, Integer.toString(amount))
                || amount < NUMBER_WORDS.size() && mentions(quotes, NUMBER_WORDS.get(amount))
                || days && amount % 7 == 0 && statesWeeks(quotes, amount / 7);
    }

    private static boolean statesWeeks(String quotes, int weeks) {
        return weeks == 1 && mentions(quotes, "a week")
                || weeks < NUMBER_WORDS.size()
                        && mentions(quotes, NUMBER_WORDS.get(weeks) + " week");
    }

    private static boolean mentions(String text, String words) {
        return Pattern.compile("(?<![a-z0-9])" + Pattern.quote(words) + "(?![a-z0-9])")
                .matcher(text)
                .find();
    }

    /** The comment text of a YAML file: from a '#' that starts a line or follows a space. */
    private static String comments(String yaml) {
        StringBuilder text = new StringBuilder();
        Matcher comment = Pattern.compile("(?m)(?:^|\\s)#(.*)$").matcher(yaml);
        while (comment.find()) {
            text.append(comment.group(1)).append('\n');
        }
        return text.toString();
    }
}
