package dev.embargo.policy.cli;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A v1 program file rewritten as v2 where the two formats differ, by text edits that keep the
 * author's comments, order and quoting: the {@code apiVersion} (and the schema an editor is pointed
 * to), and the one OpenPGP key of v1 ({@code openPgp.fingerprint}, {@code openPgp.armoredKey}) as
 * the first of {@code openPgp.keys}.
 */
final class ProgramMigration {

    static final String V1 = "embargo.dev/program/v1";
    static final String V2 = "embargo.dev/program/v2";

    private static final Pattern SCHEMA_COMMENT =
            Pattern.compile(
                    "#\\s*yaml-language-server:\\s*\\$schema=.*program\\.v1\\.schema\\.json.*");

    private static final Set<String> KEY_FIELDS = Set.of("fingerprint", "armoredKey");

    private ProgramMigration() {}

    /** Whether the text is a v1 program (a v2 one has nothing to migrate). */
    static boolean isV1(String text) {
        return field(root(text), "apiVersion") instanceof NodeTuple tuple
                && tuple.getValueNode() instanceof ScalarNode value
                && value.getValue().equals(V1);
    }

    /** The v1 program {@code text} as v2. */
    static String toV2(String text) {
        MappingNode root = root(text);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (field(root, "openPgp") instanceof NodeTuple openPgp
                && openPgp.getValueNode() instanceof MappingNode key) {
            List<NodeTuple> keyFields =
                    key.getValue().stream()
                            .filter(tuple -> KEY_FIELDS.contains(name(tuple)))
                            .toList();
            if (!keyFields.isEmpty()) {
                if (key.getFlowStyle() == FlowStyle.FLOW) {
                    keysInBraces(lines, keyFields);
                } else {
                    keysInBlock(lines, keyFields);
                }
            }
        }
        // The apiVersion comes first in every program, above the edits made to the key.
        int line = field(root, "apiVersion").getKeyNode().getStartMark().getLine();
        lines.set(line, lines.get(line).replace(V1, V2));
        // Editors would check the v2 file against the v1 schema the file points them to.
        lines.replaceAll(
                comment ->
                        SCHEMA_COMMENT.matcher(comment).matches()
                                ? comment.replace("program.v1.schema", "program.v2.schema")
                                : comment);
        return String.join("\n", lines);
    }

    /**
     * openPgp: / status: … / fingerprint: … becomes openPgp: / status: … / keys: / - fingerprint: …
     */
    private static void keysInBlock(List<String> lines, List<NodeTuple> keyFields) {
        int indent = keyFields.getFirst().getKeyNode().getStartMark().getColumn();
        List<String> keys = new ArrayList<>();
        keys.add(" ".repeat(indent) + "keys:");
        for (NodeTuple field : keyFields) {
            for (int line = firstLine(field); line <= lastLine(field); line++) {
                String text = lines.get(line);
                keys.add(
                        keys.size() == 1
                                ? " ".repeat(indent + 2) + "- " + text.substring(indent)
                                : text.isBlank() ? text : "    " + text);
            }
        }
        for (NodeTuple field : keyFields.reversed()) {
            lines.subList(firstLine(field), lastLine(field) + 1).clear();
        }
        lines.addAll(firstLine(keyFields.getFirst()), keys);
    }

    /**
     * {@code openPgp: { status: published, fingerprint: F }} becomes {@code openPgp: { status:
     * published, keys: [ { fingerprint: F } ] }}; only on one line, as braces are written.
     */
    private static void keysInBraces(List<String> lines, List<NodeTuple> keyFields) {
        int line = firstLine(keyFields.getFirst());
        if (keyFields.stream()
                .anyMatch(field -> firstLine(field) != line || lastLine(field) != line)) {
            throw new IllegalArgumentException(
                    "openPgp is written in { } over several lines: move its fingerprint and"
                            + " armoredKey into openPgp.keys by hand");
        }
        String text = lines.get(line);
        List<String> spans = new ArrayList<>();
        for (NodeTuple field : keyFields) {
            spans.add(text.substring(start(text, field), end(text, field)));
        }
        StringBuilder edited = new StringBuilder(text);
        for (NodeTuple field : keyFields.subList(1, keyFields.size()).reversed()) {
            edited.delete(text.lastIndexOf(',', start(text, field)), end(text, field));
        }
        NodeTuple first = keyFields.getFirst();
        edited.replace(
                start(text, first),
                end(text, first),
                "keys: [ { " + String.join(", ", spans) + " } ]");
        lines.set(line, edited.toString());
    }

    private static int start(String line, NodeTuple field) {
        return line.offsetByCodePoints(0, field.getKeyNode().getStartMark().getColumn());
    }

    private static int end(String line, NodeTuple field) {
        return line.offsetByCodePoints(0, field.getValueNode().getEndMark().getColumn());
    }

    private static int firstLine(NodeTuple field) {
        return field.getKeyNode().getStartMark().getLine();
    }

    /** The last line of a field's value; a block scalar ends at the start of the next line. */
    private static int lastLine(NodeTuple field) {
        Mark end = field.getValueNode().getEndMark();
        return end.getColumn() == 0 && end.getLine() > firstLine(field)
                ? end.getLine() - 1
                : end.getLine();
    }

    private static MappingNode root(String text) {
        Node root =
                new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        if (!(root instanceof MappingNode mapping)) {
            throw new IllegalArgumentException("a program file is a YAML mapping");
        }
        return mapping;
    }

    private static NodeTuple field(MappingNode mapping, String name) {
        return mapping.getValue().stream()
                .filter(tuple -> name(tuple).equals(name))
                .findFirst()
                .orElse(null);
    }

    private static String name(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
    }
}
