package dev.embargo.policy.io;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a field in a YAML document, so that errors point where the author must look.
 */
final class YamlLines {

    private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]");

    /** A key and its scalar value as the file writes them. */
    record Entry(String key, String value) {}

    private final Node root;

    YamlLines(String yaml) {
        this.root =
                new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
    }

    /**
     * The 1-based line of the deepest field along {@code path} (e.g. {@code $.contacts[0].email})
     * that exists: the line of its key, where the author wrote its name, and not that of its value,
     * which for a block mapping is the line of its first field.
     */
    Integer lineOf(String path) {
        return root == null ? null : walk(path).line() + 1;
    }

    /** Whether the mapping at {@code path} is written in braces, {@code { a: 1, b: 2 }}. */
    boolean isFlowMapping(String path) {
        return at(path) instanceof MappingNode mapping && mapping.getFlowStyle() == FlowStyle.FLOW;
    }

    /** The field written just before {@code key} in the mapping at {@code path}, if a scalar. */
    Optional<Entry> entryBefore(String path, String key) {
        if (!(at(path) instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        List<NodeTuple> tuples = mapping.getValue();
        for (int i = 1; i < tuples.size(); i++) {
            if (keyOf(tuples.get(i)).equals(key)
                    && tuples.get(i - 1).getValueNode() instanceof ScalarNode value) {
                return Optional.of(new Entry(keyOf(tuples.get(i - 1)), value.getValue()));
            }
        }
        return Optional.empty();
    }

    private Node at(String path) {
        Walk walk = root == null ? null : walk(path);
        return walk == null || !walk.complete() ? null : walk.node();
    }

    /**
     * The deepest node along {@code path} that exists, the 0-based line of its key (or of the item,
     * in a list), and whether it is the node the whole path names.
     */
    private Walk walk(String path) {
        Walk walk = new Walk(root, root.getStartMark().getLine(), true);
        Matcher matcher = SEGMENT.matcher(path.startsWith("$") ? path.substring(1) : "." + path);
        while (matcher.find()) {
            Walk next;
            if (matcher.group(1) != null) {
                NodeTuple tuple = tuple(walk.node(), matcher.group(1));
                next =
                        tuple == null
                                ? null
                                : new Walk(
                                        tuple.getValueNode(),
                                        tuple.getKeyNode().getStartMark().getLine(),
                                        true);
            } else {
                Node item = item(walk.node(), Integer.parseInt(matcher.group(2)));
                next = item == null ? null : new Walk(item, item.getStartMark().getLine(), true);
            }
            if (next == null) {
                return new Walk(walk.node(), walk.line(), false);
            }
            walk = next;
        }
        return walk;
    }

    private record Walk(Node node, int line, boolean complete) {}

    private static NodeTuple tuple(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (keyOf(tuple).equals(key)) {
                    return tuple;
                }
            }
        }
        return null;
    }

    private static String keyOf(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    private static Node item(Node node, int index) {
        return node instanceof SequenceNode sequence && index < sequence.getValue().size()
                ? sequence.getValue().get(index)
                : null;
    }
}
