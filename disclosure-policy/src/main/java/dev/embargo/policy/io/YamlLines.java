package dev.embargo.policy.io;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private final Node root;

    YamlLines(String yaml) {
        this.root =
                new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
    }

    /**
     * The 1-based line of the deepest node along {@code path} (e.g. {@code $.contacts[0].email})
     * that exists.
     */
    Integer lineOf(String path) {
        Node node = root;
        Node found = root;
        Matcher matcher = SEGMENT.matcher(path.startsWith("$") ? path.substring(1) : "." + path);
        while (node != null && matcher.find()) {
            node =
                    matcher.group(1) != null
                            ? child(node, matcher.group(1))
                            : item(node, Integer.parseInt(matcher.group(2)));
            if (node != null) {
                found = node;
            }
        }
        return found == null ? null : found.getStartMark().getLine() + 1;
    }

    private static Node child(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar
                        && scalar.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static Node item(Node node, int index) {
        return node instanceof SequenceNode sequence && index < sequence.getValue().size()
                ? sequence.getValue().get(index)
                : null;
    }
}
