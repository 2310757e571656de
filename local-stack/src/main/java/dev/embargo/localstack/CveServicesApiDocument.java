package dev.embargo.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersionDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * CVE Services' own OpenAPI document ({@code cve-services/api-docs/openapi.json}, see SOURCE.md
 * beside it) and the schemas it references, read from the classpath: which operation a request is,
 * and what it breaks of that operation's description.
 */
final class CveServicesApiDocument {

    private static final String ROOT = "cve-services/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig STRICT =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final JsonNode document = read(ROOT + "api-docs/openapi.json");
    private final List<PathTemplate> paths =
            StreamSupport.stream(
                            ((Iterable<String>) () -> document.path("paths").fieldNames())
                                    .spliterator(),
                            false)
                    .map(PathTemplate::new)
                    // A literal path wins over a template that also matches it.
                    .sorted(Comparator.comparingInt(PathTemplate::variables))
                    .toList();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** A request as the document describes it: its path template, operation and path values. */
    record Operation(String template, JsonNode description, Map<String, String> pathValues) {}

    Optional<Operation> operation(String method, String path) {
        for (PathTemplate template : paths) {
            Matcher matcher = template.pattern.matcher(path);
            if (matcher.matches()) {
                JsonNode description =
                        document.path("paths").path(template.text).path(method.toLowerCase());
                if (description.isMissingNode()) {
                    return Optional.empty();
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < template.names.size(); i++) {
                    values.put(template.names.get(i), matcher.group(i + 1));
                }
                return Optional.of(new Operation(template.text, description, values));
            }
        }
        return Optional.empty();
    }

    /**
     * What the request breaks of its operation: required headers and query parameters missing, a
     * required body absent, a body the operation's schema refuses.
     */
    List<String> violations(
            Operation operation,
            Function<String, String> header,
            Map<String, String> query,
            JsonNode body) {
        List<String> violations = new ArrayList<>();
        for (JsonNode parameter : operation.description().path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (!resolved.path("required").asBoolean(false)) {
                continue;
            }
            String name = resolved.path("name").asText();
            boolean present =
                    switch (resolved.path("in").asText()) {
                        case "header" -> header.apply(name) != null;
                        case "query" -> query.containsKey(name);
                        default -> true;
                    };
            if (!present) {
                violations.add(resolved.path("in").asText() + " parameter " + name + " is missing");
            }
        }
        JsonNode requestBody = operation.description().path("requestBody");
        if (requestBody.path("required").asBoolean(false) && body == null) {
            violations.add("the request body is required");
        }
        JsonNode schemaRef = requestBody.at("/content/application~1json/schema/$ref");
        if (body != null && schemaRef.isTextual()) {
            schema(schemaRef.asText())
                    .validate(body)
                    .forEach(message -> violations.add("body: " + message.getMessage()));
        }
        return violations;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    /** A schema the document references as {@code ../schemas/...} (relative to api-docs/). */
    private JsonSchema schema(String ref) {
        String location = ROOT + ref.replaceFirst("^(\\.\\./|/)", "");
        return schemas.computeIfAbsent(
                location,
                path -> {
                    JsonNode node = read(path);
                    readAmbiguousStringChoicesAsAnyOf(node, node);
                    return JsonSchemaFactory.getInstance(SpecVersionDetector.detect(node))
                            .getSchema(SchemaLocation.of("classpath:" + path), node, STRICT);
                });
    }

    /**
     * The published request schemas simplify the CVE schema's tag definitions to plain strings, so
     * their {@code oneOf} between a tag extension and a known tag has two alternatives that both
     * accept every string, and no tag at all could pass (CVE Services itself checks CNA containers
     * against the full CVE JSON schema). Such a choice, and only such, is read as {@code anyOf}.
     */
    private static void readAmbiguousStringChoicesAsAnyOf(JsonNode node, JsonNode root) {
        if (node instanceof ObjectNode object) {
            JsonNode choice = object.get("oneOf");
            if (choice != null
                    && StreamSupport.stream(choice.spliterator(), false)
                            .allMatch(alternative -> isAnyString(alternative, root))) {
                object.set("anyOf", object.remove("oneOf"));
            }
        }
        node.forEach(child -> readAmbiguousStringChoicesAsAnyOf(child, root));
    }

    private static boolean isAnyString(JsonNode schema, JsonNode root) {
        String ref = schema.path("$ref").asText("");
        JsonNode resolved = ref.startsWith("#/") ? root.at(ref.substring(1)) : schema;
        Set<String> keys = new HashSet<>();
        resolved.fieldNames().forEachRemaining(keys::add);
        return "string".equals(resolved.path("type").asText())
                && Set.of("$schema", "$id", "type").containsAll(keys);
    }

    private static JsonNode read(String path) {
        try (InputStream in =
                CveServicesApiDocument.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class PathTemplate {

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

        final String text;
        final Pattern pattern;
        final List<String> names = new ArrayList<>();

        PathTemplate(String text) {
            this.text = text;
            StringBuilder regex = new StringBuilder("^");
            Matcher matcher = VARIABLE.matcher(text);
            int last = 0;
            while (matcher.find()) {
                regex.append(Pattern.quote(text.substring(last, matcher.start())));
                regex.append("([^/]+)");
                names.add(matcher.group(1));
                last = matcher.end();
            }
            regex.append(Pattern.quote(text.substring(last))).append("$");
            this.pattern = Pattern.compile(regex.toString());
        }

        int variables() {
            return names.size();
        }
    }
}
