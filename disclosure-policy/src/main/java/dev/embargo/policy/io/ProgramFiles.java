package dev.embargo.policy.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.embargo.policy.model.Program;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads program files: YAML, checked against the JSON Schema of the format version its {@code
 * apiVersion} names ({@link FormatVersion}), read into the one model, and checked against the rules
 * a schema cannot state (severity names used by deadlines, unique ids, real dates and time zones,
 * no control characters in text: see {@link ProgramText}). A file with any error is refused whole,
 * every error named with its field and line.
 */
public final class ProgramFiles {

    private final ObjectMapper yaml =
            YAMLMapper.builder()
                    .addModule(new JavaTimeModule())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    // A key written twice would otherwise silently replace the first.
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .build();
    private final ObjectMapper json =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(
                            com.fasterxml.jackson.databind.SerializationFeature
                                    .WRITE_DATES_AS_TIMESTAMPS)
                    .serializationInclusion(
                            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                    .build();
    private final Map<FormatVersion, JsonSchema> schemas = new EnumMap<>(FormatVersion.class);

    public ProgramFiles() {
        for (FormatVersion version : FormatVersion.values()) {
            schemas.put(version, schema(version.schema()));
        }
    }

    private static JsonSchema schema(String resource) {
        try (InputStream in = ProgramFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code *.yaml} program in a directory, in file name order; refuses duplicate slugs. */
    public List<Program> readDirectory(Path directory) {
        List<Program> programs = new ArrayList<>();
        Map<String, Path> slugs = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file :
                    files.filter(ProgramFiles::isProgramFile)
                            .sorted(Comparator.naturalOrder())
                            .toList()) {
                Program program = read(file);
                Path earlier = slugs.putIfAbsent(program.slug(), file);
                if (earlier != null) {
                    throw new InvalidProgramException(
                            file.toString(),
                            List.of(
                                    new PolicyError(
                                            "slug",
                                            null,
                                            "'"
                                                    + program.slug()
                                                    + "' is already the slug of "
                                                    + earlier.getFileName())));
                }
                programs.add(program);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read program files in " + directory, e);
        }
        return programs;
    }

    public Program read(Path file) {
        try {
            return read(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Parses and checks one program; {@code source} names it in errors. */
    public Program read(String text, String source) {
        return read(text, source, true);
    }

    /**
     * Reads a revision triage has published, with every check but the text rules of {@link
     * ProgramText} and the schema's text patterns (a URL with a line break in it): a revision
     * admitted before those rules must still load, or one stored name would stop report intake,
     * deadlines and mail for its program. Renderers encode its text on output instead.
     */
    public Program readPublished(String document, String source) {
        return read(document, source, false);
    }

    /**
     * Parses and checks one program without throwing: every error, and the warnings of a program
     * that loads (what it states that probably is not what its authors meant).
     */
    public ProgramCheck check(String text) {
        return check(text, true);
    }

    private Program read(String text, String source, boolean admitting) {
        ProgramCheck check = check(text, admitting);
        if (!check.valid()) {
            throw new InvalidProgramException(source, check.errors());
        }
        return check.program();
    }

    private ProgramCheck check(String text, boolean admitting) {
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            return refused(List.of(YamlSyntax.error(e)));
        }
        if (tree == null || !tree.isObject()) {
            return refused(
                    List.of(new PolicyError("", 1, "a program file must be a YAML mapping")));
        }
        YamlLines lines = new YamlLines(text);
        FormatVersion version = FormatVersion.of(tree).orElse(null);
        if (version == null) {
            return refused(
                    List.of(
                            new PolicyError(
                                    "apiVersion",
                                    lines.lineOf("apiVersion"),
                                    "'"
                                            + tree.path("apiVersion").asText()
                                            + "' is not a format version this reads: "
                                            + FormatVersion.V1.apiVersion()
                                            + " or "
                                            + FormatVersion.V2.apiVersion())));
        }
        JsonSchema schema = schemas.get(version);
        List<PolicyError> errors =
                new ArrayList<>(
                        new SchemaMessages(schema.getSchemaNode(), tree, lines)
                                .translate(
                                        schema.validate(tree).stream()
                                                .filter(
                                                        message ->
                                                                admitting
                                                                        || !"pattern"
                                                                                .equals(
                                                                                        message
                                                                                                .getType()))
                                                .toList()));
        JsonNode upgraded = version.upgraded(tree);
        if (errors.isEmpty()) {
            errors.addAll(
                    located(
                            ProgramRules.check(upgraded, version).stream()
                                    .map(
                                            error ->
                                                    new PolicyError(
                                                            version.fieldInFile(error.field()),
                                                            null,
                                                            error.message()))
                                    .toList(),
                            lines));
        }
        if (admitting) {
            errors.addAll(located(TextFieldRules.check(tree), lines));
        }
        if (!errors.isEmpty()) {
            errors.sort(
                    Comparator.comparing(
                                    (PolicyError error) -> error.line() == null ? 0 : error.line())
                            .thenComparing(PolicyError::field));
            return refused(errors);
        }
        List<PolicyWarning> warnings =
                ProgramWarnings.check(tree, version).stream()
                        .map(
                                warning ->
                                        new PolicyWarning(
                                                warning.field(),
                                                lines.lineOf(warning.field()),
                                                warning.message()))
                        .sorted(
                                Comparator.comparing(
                                        (PolicyWarning warning) ->
                                                warning.line() == null ? 0 : warning.line()))
                        .toList();
        try {
            return new ProgramCheck(yaml.treeToValue(upgraded, Program.class), List.of(), warnings);
        } catch (JsonProcessingException e) {
            return refused(List.of(new PolicyError("", null, e.getOriginalMessage())));
        }
    }

    private static ProgramCheck refused(List<PolicyError> errors) {
        return new ProgramCheck(null, errors, List.of());
    }

    /**
     * The program as compact JSON in the program file format: what travels in {@code
     * program.policy.published} events and what {@link #read(String, String)} reads back.
     */
    public String toJson(Program program) {
        try {
            return json.writeValueAsString(program);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A program always serializes", e);
        }
    }

    private static List<PolicyError> located(List<PolicyError> errors, YamlLines lines) {
        return errors.stream()
                .map(
                        error ->
                                new PolicyError(
                                        error.field(),
                                        lines.lineOf(error.field()),
                                        error.message()))
                .toList();
    }

    private static boolean isProgramFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
